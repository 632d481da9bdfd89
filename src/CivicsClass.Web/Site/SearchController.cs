using CivicsClass.Content.Definitions;
using CivicsClass.Search.Querying;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>
/// <c>/search?q=</c>: results by relevance, facets as links that narrow, highlighted snippets, "did you mean".
/// Not output-cached: every search reaches search's own result cache, so each one is counted for the
/// editors' trends, and endless distinct queries cannot push the site's pages out of the page cache.
/// </summary>
public sealed class SearchController(SearchService search, ContentDefinitionManager definitions, IStringLocalizer<SiteText> text) : Controller
{
    private const int PageSize = 10;

    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, string? type, string? theme, string? region, string? industry, int page = 1)
    {
        var query = QueryParser.Clean(q);
        var result = await search.SearchAsync(new SearchRequest(query, type, theme, region, industry, page, PageSize));
        var types = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name.ToLowerInvariant(), t => t.DisplayName);
        var current = new Dictionary<string, string?> { ["q"] = query, ["type"] = type, ["theme"] = theme, ["region"] = region, ["industry"] = industry };
        string Link(string key, string? value, int? toPage = null)
        {
            var next = new Dictionary<string, string?>(current) { [key] = value, ["page"] = toPage?.ToString() };
            return "/search" + QueryString.Create(next.Where(p => !string.IsNullOrEmpty(p.Value)));
        }

        var facets = result.Facets.Where(f => f.Value.Count > 0).Select(f => new FacetGroupView(
            text[f.Key == "type" ? "FacetType" : "Filter" + char.ToUpperInvariant(f.Key[0]) + f.Key[1..]],
            f.Value.Take(12).Select(v =>
            {
                var label = f.Key == "type" ? types.GetValueOrDefault(v.Key) ?? v.Key : v.Key;
                var selected = string.Equals(current[f.Key], v.Key, StringComparison.OrdinalIgnoreCase);
                return new FacetLink(label, v.Value, Link(f.Key, selected ? null : v.Key), selected);
            }).ToList())).ToList();
        var suggestions = result.Total == 0 && query.Length > 0
            ? (await search.SuggestAsync(query)).Select(s => (s.Title, s.Url)).ToList()
            : [];
        var hits = result.Hits.Select(h => new SearchHitView(h.Title, h.TitleHtml, h.Url, types.GetValueOrDefault(h.Type.ToLowerInvariant()) ?? h.Type, h.Snippet, h.Type)).ToList();
        var title = query.Length == 0 ? text["SearchTitle"].Value : text["SearchTitleFor", query].Value;
        return View(new SearchViewModel(new PageMeta(title, text["SiteDescription"], "/search" + QueryString.Create("q", query)),
            query, result.Total, result.TookMs, result.AnyMatch, hits, facets, suggestions,
            new Pager(Math.Max(1, page), PageSize, result.Total, p => Link("page", p.ToString(), p))));
    }
}
