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
    Task UpsertAsync(ISession session, SearchDocument document, IndexedTokens tokens);

    Task DeleteAsync(ISession session, string contentItemId);

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

public sealed record IndexHits(int Total, IReadOnlyList<IndexHit> Hits, IReadOnlyDictionary<string, int> Types, IReadOnlyList<TermCount> Terms);

public sealed class TermCount
{
    public string Field { get; init; } = "";
    public string TermId { get; init; } = "";
    public int Count { get; init; }
}
