using CivicsClass.Search.Querying;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicsClass.Web.Api;

/// <summary>Search for the mobile app: the same engine, query language and facets as the site's search page.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/search").WithTags("Search");
        group.MapGet("/", SearchAsync).WithName("Search").WithSummary("Published content matching a query: words, \"phrases\", -exclude, OR, type:/theme:/region:/industry:/lecturer: filters.");
        group.MapGet("/suggest", SuggestAsync).WithName("SearchSuggest").WithSummary("Titles and names that start with what was typed, pinyin included.");
        return group;
    }

    public sealed record Hit(string Id, string Type, string Title, string Url, string Snippet, double Score);

    public sealed record Response(int Total, long TookMs, IReadOnlyList<Hit> Hits, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> SearchAsync(
        string? q, string? type, string? theme, string? region, string? industry, int? page, int? size, SearchService search)
    {
        if (size is < 1 or > SearchService.MaxPageSize || page is < 1 or > 1000)
        {
            return TypedResults.Problem(detail: $"page 应在 1 到 1000 之间；size 应在 1 到 {SearchService.MaxPageSize} 之间。", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await search.SearchAsync(new SearchRequest(q, type, theme, region, industry, page ?? 1, size ?? 10));
        return TypedResults.Ok(new Response(result.Total, result.TookMs,
            result.Hits.Select(h => new Hit(h.Id, h.Type, h.Title, h.Url, h.Snippet, h.Score)).ToList(), result.Facets));
    }

    private static async Task<Ok<IReadOnlyList<Suggestion>>> SuggestAsync(string? q, SearchService search) =>
        TypedResults.Ok(await search.SuggestAsync(q));
}
