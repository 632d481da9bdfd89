namespace CivicsClass.Search.Engine;

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
}
