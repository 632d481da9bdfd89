namespace CivicsClass.Theme.Models;

public sealed record SearchHitView(string Title, string TitleHtml, string Url, string TypeDisplayName, string SnippetHtml, string Type = "");

public sealed record FacetLink(string Label, int Count, string Url, bool Selected);

public sealed record FacetGroupView(string Label, IReadOnlyList<FacetLink> Links);

public sealed record SearchViewModel(
    PageMeta Meta,
    string Query,
    int Total,
    long TookMs,
    bool AnyMatch,
    IReadOnlyList<SearchHitView> Hits,
    IReadOnlyList<FacetGroupView> Facets,
    IReadOnlyList<(string Title, string Url)> Suggestions,
    Pager Pager) : PageViewModel(Meta);
