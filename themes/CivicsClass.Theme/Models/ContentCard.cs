namespace CivicsClass.Theme.Models;

/// <summary>
/// An item as a card or list row: everything a summary template shows, resolved before the view
/// renders (no data access in views). <see cref="Type"/> picks the template, e.g. <c>Content-Lecturer.Summary</c>.
/// </summary>
public sealed record ContentCard(
    string Id,
    string Type,
    string TypeDisplayName,
    string Title,
    string? Summary,
    string Url,
    string? Cover = null,
    string? Byline = null,
    IReadOnlyList<string>? Tags = null,
    int? DurationMinutes = null,
    string? Format = null,
    DateTime? Date = null,
    string? Badge = null,
    bool GeneratedCover = false);

public sealed record TermLink(string Name, string Url);

public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> UrlFor)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}
