using CivicsClass.Content.Taxonomies;
using CivicsClass.Content.Items;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using CivicsClass.Learning.Leaderboards;

namespace CivicsClass.Web.Site;

/// <summary>
/// The lesson catalogue. Filters live in the URL (<c>/lessons?theme=劳模精神&amp;region=北京市</c>)
/// so a filtered view can be shared; unknown filter values simply match nothing.
/// </summary>
[OutputCache(PolicyName = SiteModule.CachePolicy)]
public sealed class CatalogueController(IContentManager contentManager, CardFactory cards, TermCache terms, IStringLocalizer<SiteText> text) : Controller
{
    public const int PageSize = 12;
    private const int MaxQueryLength = 100;

    private static readonly (string Key, string Taxonomy, string Label)[] s_termFilters =
    [
        ("theme", "Theme", "FilterTheme"), ("region", "Region", "FilterRegion"), ("industry", "Industry", "FilterIndustry"), ("audience", "Audience", "FilterAudience"),
    ];

    private static readonly string[] s_formats = ["图文", "视频", "音频", "长图"];

    private static readonly (string Value, string Label, decimal? Min, decimal? Max)[] s_lengths =
    [
        ("short", "LengthShort", null, 5), ("medium", "LengthMedium", 6, 10), ("long", "LengthLong", 11, null),
    ];

    [HttpGet("/lessons")]
    public async Task<IActionResult> Index(string? theme, string? region, string? industry, string? audience, string? format, string? length,
        string? sort, string? q, int page = 1)
    {
        var taxonomies = await terms.GetAsync();
        var values = new Dictionary<string, string?> { ["theme"] = theme, ["region"] = region, ["industry"] = industry, ["audience"] = audience };
        var termIds = new List<string>();
        var nothingMatches = false;
        foreach (var (key, taxonomy, _) in s_termFilters)
        {
            if (string.IsNullOrWhiteSpace(values[key]))
            {
                continue;
            }

            var term = taxonomies.GetValueOrDefault(taxonomy)?.ByName(values[key]!.Trim());
            nothingMatches |= term is null;
            termIds.Add(term?.Id ?? "");
        }

        var fields = new List<FieldFilter>();
        if (!string.IsNullOrWhiteSpace(format))
        {
            fields.Add(new FieldFilter("Format") { Texts = [format.Trim()] });
        }

        if (s_lengths.FirstOrDefault(l => l.Value == length) is { Value: not null } span)
        {
            fields.Add(new FieldFilter("Duration") { Minimum = span.Min, Maximum = span.Max });
        }

        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, MaxQueryLength)];
        page = Math.Clamp(page, 1, 10_000);
        sort = sort is "shortest" or "popular" ? sort : "newest";
        var query = new ContentQuery
        {
            ContentType = "Lesson",
            TermIds = termIds,
            Fields = fields,
            TitleContains = search,
            OrderBy = sort switch { "shortest" => ContentOrder.NumberFieldAscending, "popular" => ContentOrder.MetricDescending, _ => ContentOrder.PublishedDescending },
            OrderField = sort switch { "shortest" => "Duration", "popular" => LearningRollup.StudiedMetric, _ => null },
            Skip = (page - 1) * PageSize,
            Take = PageSize,
        };
        var result = nothingMatches ? new ContentPage(0, []) : await contentManager.QueryAsync(query);

        var filters = s_termFilters.Select(f => new FilterGroup(f.Key, text[f.Label],
                (taxonomies.GetValueOrDefault(f.Taxonomy)?.Terms ?? []).Select(t => new FilterOption(t.Name, t.Name, t.Name == values[f.Key])).ToList()))
            .Append(new FilterGroup("format", text["FilterFormat"], s_formats.Select(f => new FilterOption(f, f, f == format)).ToList()))
            .Append(new FilterGroup("length", text["FilterLength"], s_lengths.Select(l => new FilterOption(l.Value, text[l.Label], l.Value == length)).ToList()))
            .ToList();
        var current = Request.Query.Where(p => SiteModule.QueryKeys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value.ToString());
        var active = current.Where(p => p.Key is not ("page" or "sort") && !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => (Label(p.Key, p.Value, filters), LinkWith(current, p.Key, null)))
            .ToList();
        var title = search is null ? text["CatalogueTitle"].Value : text["SearchResultsFor", search].Value;
        return View(new CatalogueViewModel(
            new PageMeta(title, text["CatalogueDescription"], "/lessons" + QueryString.Create(current.Where(p => p.Key != "page" && p.Value.Length > 0).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))),
            filters, sort, await cards.CardsAsync(result.Items),
            new Pager(page, PageSize, result.Total, p => LinkWith(current, "page", p.ToString())), active));
    }

    private static string Label(string key, string value, IReadOnlyList<FilterGroup> filters) =>
        filters.FirstOrDefault(f => f.Key == key)?.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;

    private static string LinkWith(Dictionary<string, string> current, string key, string? value)
    {
        var next = new Dictionary<string, string?>(current.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))) { [key] = value };
        if (key != "page")
        {
            next.Remove("page");
        }

        return "/lessons" + QueryString.Create(next.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
