namespace CivicsClass.Search.Querying;

/// <summary>
/// A parsed query: every group must match (a group is alternatives joined by OR; an alternative is
/// a set of terms that must all match, or a phrase), no exclusion may match, and the filters narrow.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<IReadOnlyList<Alternative>> Groups,
    IReadOnlyList<Alternative> Exclusions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<string> Highlights)
{
    public bool HasTerms => Groups.Count > 0;

    /// <summary>The same query with every group merged into one OR: the fallback when all-must-match finds nothing.</summary>
    public SearchQuery AnyMatch() => this with
    {
        Groups = [Groups.SelectMany(g => g).SelectMany(a => a.IsPhrase ? [a] : a.Terms.Select(t => new Alternative([t], false))).ToList()],
    };

    /// <summary>True when <see cref="AnyMatch"/> would look for anything more than this query does.</summary>
    public bool CanWiden => Groups.Count > 1 || Groups.Any(g => g.Any(a => !a.IsPhrase && a.Terms.Count > 1));
}

/// <summary>Terms that must all match, or, when <see cref="IsPhrase"/>, match one after another.</summary>
public sealed record Alternative(IReadOnlyList<string> Terms, bool IsPhrase);
