using CivicsClass.Content.Taxonomies;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>The lecturers index by category, the venues index by region with the venues on a map, and every topic.</summary>
[OutputCache(PolicyName = SiteModule.CachePolicy)]
public sealed class DirectoryController(IContentManager contentManager, CardFactory cards, TermCache terms, DetailPageBuilder pages, IStringLocalizer<SiteText> text) : Controller
{
    private const int PageSize = 24;

    [HttpGet("/lecturers")]
    public async Task<IActionResult> Lecturers(string? category, int page = 1)
    {
        var (filter, termId) = await FilterAsync("category", "LecturerCategory", text["LecturerCategory"], category);
        var result = await QueryAsync("Lecturer", termId, category, page);
        return View("Index", new IndexViewModel(new PageMeta(text["LecturersTitle"], text["LecturersDescription"], "/lecturers"),
            text["LecturersTitle"], filter, await cards.CardsAsync(result.Items), Pager(result, page, "category", category, "/lecturers")));
    }

    [HttpGet("/venues")]
    public async Task<IActionResult> Venues(string? region, int page = 1)
    {
        var (filter, termId) = await FilterAsync("region", "Region", text["VenueRegion"], region, onlyUsedBy: "Venue");
        var result = await QueryAsync("Venue", termId, region, page);
        var markers = result.Items.Select(v => (Venue: v, Point: v.Part<GeoPointPart>()))
            .Where(v => v.Point.Latitude is not null && v.Point.Longitude is not null)
            .Select(v => new MapMarker(v.Point.Latitude!.Value, v.Point.Longitude!.Value, v.Venue.DisplayText, CardFactory.UrlOf(v.Venue)))
            .ToList();
        return View("Index", new IndexViewModel(new PageMeta(text["VenuesTitle"], text["VenuesDescription"], "/venues"),
            text["VenuesTitle"], filter, await cards.CardsAsync(result.Items), Pager(result, page, "region", region, "/venues"),
            markers, await pages.MapAsync()));
    }

    [HttpGet("/topics")]
    public async Task<IActionResult> Topics(int page = 1)
    {
        page = Math.Clamp(page, 1, 10_000);
        var result = await contentManager.QueryAsync(new ContentQuery { ContentType = "Topic", Skip = (page - 1) * PageSize, Take = PageSize });
        return View("Index", new IndexViewModel(new PageMeta(text["TopicsTitle"], text["TopicsDescription"], "/topics"),
            text["TopicsTitle"], null, await cards.CardsAsync(result.Items),
            new Pager(page, PageSize, result.Total, p => "/topics" + (p == 1 ? "" : "?page=" + p))));
    }

    private async Task<ContentPage> QueryAsync(string type, string? termId, string? value, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        if (!string.IsNullOrWhiteSpace(value) && termId is null)
        {
            return new ContentPage(0, []);
        }

        return await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = type,
            TermIds = termId is null ? [] : [termId],
            OrderBy = ContentOrder.TitleAscending,
            Skip = (page - 1) * PageSize,
            Take = PageSize,
        });
    }

    private async Task<(FilterGroup Filter, string? TermId)> FilterAsync(string key, string taxonomy, string label, string? selected, string? onlyUsedBy = null)
    {
        var taxonomyTerms = (await terms.GetAsync()).GetValueOrDefault(taxonomy)?.Terms ?? [];
        if (onlyUsedBy is not null)
        {
            // 34 regions would bury the handful that have venues: offer the ones in use.
            var used = (await contentManager.QueryAsync(new ContentQuery { ContentType = onlyUsedBy, Take = 500, IncludeTotal = false })).Items
                .SelectMany(i => i.Field<Content.Fields.TaxonomyField>("Regions")?.TermIds ?? []).ToHashSet();
            taxonomyTerms = taxonomyTerms.Where(t => used.Contains(t.Id) || t.Name == selected).ToList();
        }

        var term = taxonomyTerms.FirstOrDefault(t => t.Name == selected?.Trim());
        return (new FilterGroup(key, label, taxonomyTerms.Select(t => new FilterOption(t.Name, t.Name, t.Name == selected)).ToList()), term?.Id);
    }

    private static Pager Pager(ContentPage result, int page, string key, string? value, string path) =>
        new(Math.Clamp(page, 1, 10_000), PageSize, result.Total, p =>
            path + QueryString.Create(new Dictionary<string, string?> { [key] = value, ["page"] = p.ToString() }.Where(x => !string.IsNullOrEmpty(x.Value))));
}
