using CivicsClass.Content.Handlers;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Taxonomies;

/// <summary>
/// The published taxonomies' terms, read in one query and kept until a taxonomy is published
/// again (or a minute passes), so a page can name every term it shows without going back to the database.
/// </summary>
public sealed class TermCache : ITermTrees
{
    public const string CacheName = "terms";

    private readonly Data.Caching.RebuildableCache<IReadOnlyDictionary<string, Taxonomy>> _cache;

    public TermCache(IDocumentStore store, TimeProvider clock, Data.Caching.CacheSignals signals) =>
        _cache = new(() => LoadAsync(store), clock, TimeSpan.FromMinutes(1), signals, CacheName);

    public Task<IReadOnlyDictionary<string, Taxonomy>> GetAsync() => _cache.GetAsync();

    public async Task<IReadOnlyList<TaxonomyTerm>> RootsAsync(string alias) => (await GetAsync()).GetValueOrDefault(alias)?.Roots ?? [];

    public async Task<string?> NameAsync(string alias, string termId) => (await GetAsync()).GetValueOrDefault(alias)?.Name(termId);

    /// <summary>Forgets the terms on every node; call it after the change commits.</summary>
    public Task ClearAsync() => _cache.ClearEverywhereAsync();

    private static async Task<IReadOnlyDictionary<string, Taxonomy>> LoadAsync(IDocumentStore store)
    {
        await using var session = store.CreateSession();
        var items = await session.QueryAsync<ContentItem>("content_item_index", "i.content_type = @type AND i.published = TRUE",
            new { type = TaxonomyService.ContentType });
        var loaded = items.Where(i => i.Get<AliasPart>(nameof(AliasPart)) is not null).ToDictionary(
            i => i.Part<AliasPart>().Alias,
            i => new Taxonomy(i.Part<AliasPart>().Alias, i.DisplayText, TaxonomyService.Flatten(i.Part<TaxonomyPart>().Terms).ToList(), i.Part<TaxonomyPart>().Terms));
        return loaded;
    }

    /// <summary>A taxonomy's terms, flat (<see cref="Terms"/>) and as the tree they form (<see cref="Roots"/>).</summary>
    public sealed record Taxonomy(string Alias, string DisplayName, IReadOnlyList<TaxonomyTerm> Terms, IReadOnlyList<TaxonomyTerm> Roots)
    {
        /// <summary>Every term in tree order with its depth, for a select list that shows the hierarchy.</summary>
        public IReadOnlyList<(TaxonomyTerm Term, int Depth)> Indented()
        {
            var list = new List<(TaxonomyTerm, int)>();
            void Walk(IEnumerable<TaxonomyTerm> terms, int depth)
            {
                foreach (var term in terms)
                {
                    list.Add((term, depth));
                    Walk(term.Children, depth + 1);
                }
            }

            Walk(Roots, 0);
            return list;
        }

        private readonly Dictionary<string, TaxonomyTerm> _byId = Terms.ToDictionary(t => t.Id);

        public string? Name(string termId) => _byId.GetValueOrDefault(termId)?.Name;

        public TaxonomyTerm? ByName(string name) => Terms.FirstOrDefault(t => t.Name == name);
    }
}

/// <summary>Forgets cached terms when a taxonomy changes, once the change is committed.</summary>
internal sealed class TermCacheHandler(TermCache cache) : IContentHandler
{
    public Task PublishedAsync(ContentContext context) => ClearAsync(context);

    public Task UnpublishedAsync(ContentContext context) => ClearAsync(context);

    private Task ClearAsync(ContentContext context)
    {
        if (context.ContentItem.ContentType == TaxonomyService.ContentType)
        {
            context.Session.OnCommitted(cache.ClearAsync);
        }

        return Task.CompletedTask;
    }
}
