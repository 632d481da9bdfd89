using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

/// <summary>Asks the parts an item carries what of them is searched, in the parts' order, so body text reads in order.</summary>
public sealed class ContentSearchParts(IEnumerable<IPartIndexer> indexers, KnownParts parts)
{
    private readonly IReadOnlyList<IPartIndexer> _indexers = indexers.OrderBy(i => parts.Position(i.PartName)).ToList();

    public SearchContribution Index(ContentItem item)
    {
        var search = new SearchContribution();
        foreach (var indexer in _indexers.Where(i => item.Content.ContainsKey(i.PartName)))
        {
            indexer.Index(item, search);
        }

        return search;
    }
}
