namespace CivicsClass.Theme.Models;

public sealed record HomeViewModel(
    PageMeta Meta,
    IReadOnlyList<ContentCard> FeaturedTopics,
    IReadOnlyList<ContentCard> NewestLessons,
    IReadOnlyList<ContentCard> Lecturers,
    IReadOnlyList<ContentCard> Venues,
    IReadOnlyList<ContentCard> UpcomingEvents,
    IReadOnlyList<TermLink> Themes,
    IReadOnlyList<ContentCard>? ForYou = null,
    IReadOnlyList<ContentCard>? MostStudied = null,
    MyDay? Day = null,
    string? NearbyRegion = null) : PageViewModel(Meta);

public sealed record EventsViewModel(PageMeta Meta, IReadOnlyList<ContentCard> Upcoming, IReadOnlyList<ContentCard> Past, Pager PastPager) : PageViewModel(Meta);

public sealed record FilterOption(string Value, string Label, bool Selected);

public sealed record FilterGroup(string Key, string Label, IReadOnlyList<FilterOption> Options);

public sealed record CatalogueViewModel(
    PageMeta Meta,
    IReadOnlyList<FilterGroup> Filters,
    string Sort,
    IReadOnlyList<ContentCard> Lessons,
    Pager Pager,
    IReadOnlyList<(string Label, string RemoveUrl)> Active) : PageViewModel(Meta);

public sealed record IndexViewModel(
    PageMeta Meta,
    string Heading,
    FilterGroup? Filter,
    IReadOnlyList<ContentCard> Items,
    Pager Pager,
    IReadOnlyList<MapMarker>? Markers = null,
    MapSettings? Map = null) : PageViewModel(Meta);

public sealed record MapMarker(double Latitude, double Longitude, string Title, string Url);

public sealed record MapSettings(string TileUrl, string Attribution);
