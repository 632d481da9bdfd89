using CivicsClass.Data.Documents;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;

namespace CivicsClass.Search.Backends;

/// <summary>
/// Where analysed documents are kept and searched. Both backends take the same tokens and the same
/// parsed query, and pass the same tests; they differ only in the database's own full-text engine.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces documents in the session's transaction, and bumps the index version with them.</summary>
    Task UpsertAsync(ISession session, IReadOnlyList<(SearchDocument Document, IndexedTokens Tokens)> documents);

    /// <summary>Removes a document, if it is there, and bumps the index version.</summary>
    Task DeleteAsync(ISession session, string contentItemId);

    /// <summary>A number that changes, in the same transaction, whenever anything in the index does.</summary>
    Task<long> VersionAsync(ISession session);

    Task<IndexHits> SearchAsync(ISession session, SearchQuery query, IReadOnlyList<string> filters, int skip, int take);

    /// <summary>Titles whose words (or their pinyin) start with what was typed.</summary>
    Task<IReadOnlyList<IndexHit>> SuggestAsync(ISession session, string prefix, int take);

    Task<int> CountAsync(ISession session);
}

public sealed class IndexHit
{
    public string ContentItemId { get; init; } = "";
    public string ContentType { get; init; } = "";
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Body { get; init; } = "";
    public string Url { get; init; } = "";
    public double Score { get; init; }
}

/// <summary>
/// A page of hits and, over all hits, how many carry each filter token (<c>type_lesson</c>,
/// <c>theme_{termId}</c>…): every document has exactly one <c>type_</c> token, so those add up to the total.
/// </summary>
public sealed record IndexHits(int Total, IReadOnlyList<IndexHit> Hits, IReadOnlyDictionary<string, int> Facets)
{
    public static readonly IndexHits None = new(0, [], new Dictionary<string, int>());

    public const string TypePrefix = "type_";

    public static IReadOnlyDictionary<string, int> Count(IEnumerable<(string Facet, long Count)> rows) =>
        rows.ToDictionary(r => r.Facet, r => (int)r.Count, StringComparer.Ordinal);

    public static int TotalOf(IReadOnlyDictionary<string, int> facets) =>
        facets.Where(f => f.Key.StartsWith(TypePrefix, StringComparison.Ordinal)).Sum(f => f.Value);
}
