using CivicsClass.Content.Taxonomies;
using CivicsClass.Content.Items;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Theme.Models;

namespace CivicsClass.Web.Site;

/// <summary>
/// The front page's shared sections: featured topics, the newest and the most studied lessons, lecturers,
/// venues — those of a region first, when one is given — and upcoming talks. Nothing here depends on who
/// asks except the region, so an anonymous page (no region) can be cached for everyone.
/// </summary>
public sealed class HomePageBuilder(IContentManager contentManager, CardFactory cards, TermCache terms, TimeProvider clock)
{
    private const int VenueCount = 4;

    public async Task<HomeSections> BuildAsync(string? regionTermId)
    {
        var topics = await QueryAsync(new ContentQuery { ContentType = "Topic", Fields = [new FieldFilter("Featured") { Minimum = 1 }], Take = 6 });
        var newest = await QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 6 });
        var popular = await QueryAsync(new ContentQuery
        {
            ContentType = "Lesson", OrderBy = ContentOrder.MetricDescending, OrderField = LearningRollup.StudiedMetric, Take = 5,
        });
        var lecturers = await QueryAsync(new ContentQuery { ContentType = "Lecturer", OrderBy = ContentOrder.TitleAscending, Take = 12 });
        var nearby = regionTermId is null ? [] : await QueryAsync(new ContentQuery { ContentType = "Venue", TermIds = [regionTermId], Take = VenueCount });
        var others = await QueryAsync(new ContentQuery { ContentType = "Venue", Take = VenueCount * 2 });
        var venues = nearby.Concat(others.Where(o => nearby.All(n => n.ContentItemId != o.ContentItemId))).Take(VenueCount).ToList();
        var events = await QueryAsync(new ContentQuery
        {
            ContentType = "Event",
            Fields = [new FieldFilter("StartsAt") { From = clock.GetUtcNow().UtcDateTime }],
            OrderBy = ContentOrder.DateFieldAscending,
            OrderField = "StartsAt",
            Take = 3,
        });
        var taxonomies = await terms.GetAsync();
        var themes = taxonomies.GetValueOrDefault("Theme")?.Terms
            .Select(t => new TermLink(t.Name, $"/lessons?theme={Uri.EscapeDataString(t.Name)}")).ToList() ?? [];
        var region = nearby.Count > 0 ? taxonomies.GetValueOrDefault("Region")?.Name(regionTermId!) : null;

        var all = (await cards.CardsAsync([.. topics, .. newest, .. popular, .. lecturers, .. venues, .. events])).ToList();
        IReadOnlyList<ContentCard> Of(IReadOnlyList<ContentItem> items) => items.Select(i => all.First(c => c.Id == i.ContentItemId)).ToList();
        return new HomeSections(Of(topics), Of(newest), Of(popular), Of(lecturers), Of(venues), Of(events), themes, region);
    }

    private async Task<IReadOnlyList<ContentItem>> QueryAsync(ContentQuery query) => (await contentManager.QueryAsync(query with { IncludeTotal = false })).Items;
}

/// <summary>The front page's sections for everyone; <paramref name="Region"/> names the region whose venues come first.</summary>
public sealed record HomeSections(IReadOnlyList<ContentCard> Topics, IReadOnlyList<ContentCard> Newest, IReadOnlyList<ContentCard> MostStudied,
    IReadOnlyList<ContentCard> Lecturers, IReadOnlyList<ContentCard> Venues, IReadOnlyList<ContentCard> Events, IReadOnlyList<TermLink> Themes, string? Region);
