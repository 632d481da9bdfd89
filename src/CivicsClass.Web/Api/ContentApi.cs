using CivicsClass.Content.Taxonomies;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Markdown;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Forms;
using CivicsClass.Media.Panoramas;
using CivicsClass.Theme.Models;
using CivicsClass.Web.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Web.Api;

/// <summary>Published content for the mobile app: lists by type with the catalogue's filters, and one item with its rendered body.</summary>
public static class ContentApi
{
    public const int MaxPageSize = 50;
    public const int MaxPage = 10_000;

    public static RouteGroupBuilder MapContentApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/content").WithTags("Content");
        group.MapGet("/{type}", ListAsync).WithName("ListContent").WithSummary("Published items of a type, newest first, filtered by taxonomy terms.");
        group.MapGet("/item/{id}", GetAsync).WithName("GetContentItem")
            .WithSummary("A published item with its Markdown body rendered to HTML and the forms made from it.")
            .WithDescription("`forms` lists what the site made from the item in the background: for a lesson, `narration` — an MP3 of the lesson read aloud, "
                + "with its size, duration and each sentence's start and end in seconds. Until it is `ready` (or where the site has no speech engine, `unavailable`) "
                + "the sentences are listed without times, to be read by the device's own voice. `mindmap` is the lesson's mind map (思维导图) drawn as a PNG "
                + "to share (`url`, `mediaType` image/png, `size` in bytes; add `?profile=` for a resized copy); it is made again only when the lesson's "
                + "headings, lists or key sentences change. "
                + "`panoramas` lists a venue's 360° panoramas (equirectangular, 2:1): `viewerUrl` for a viewer, `image` through the image profiles, "
                + "and `hotspots` — each of the venue's lessons with its `yaw` and `pitch` in degrees and its page.");
        return group;
    }

    public sealed record ContentListItem(string Id, string Type, string Title, string? Summary, string Url, string? Cover);

    public sealed record ContentList(int Total, IReadOnlyList<ContentListItem> Items);

    public sealed record ContentDetail(string Id, string Type, string Title, string? Summary, string Url, string? Cover, DateTime? PublishedUtc,
        string BodyHtml, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms, IReadOnlyList<ItemForm> Forms, IReadOnlyList<PanoramaView> Panoramas);

    private static async Task<Results<Ok<ContentList>, ProblemHttpResult>> ListAsync(
        string type, int? page, int? size, string? theme, string? region, string? industry, string? audience,
        IContentManager contentManager, ContentDefinitionManager definitions, TermCache terms)
    {
        var definition = (await definitions.ListTypesAsync()).FirstOrDefault(t => t.Creatable && string.Equals(t.Name, type, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"没有“{type}”这种内容类型。");
        }

        var pageSize = size ?? 20;
        if (pageSize is < 1 or > MaxPageSize || page is < 1 or > MaxPage)
        {
            return Problem(StatusCodes.Status400BadRequest, $"page 应在 1 到 {MaxPage} 之间；size 应在 1 到 {MaxPageSize} 之间。");
        }

        var taxonomies = await terms.GetAsync();
        var termIds = new List<string>();
        foreach (var (taxonomy, value) in new[] { ("Theme", theme), ("Region", region), ("Industry", industry), ("Audience", audience) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var term = taxonomies.GetValueOrDefault(taxonomy)?.ByName(value.Trim());
            if (term is null)
            {
                return TypedResults.Ok(new ContentList(0, []));
            }

            termIds.Add(term.Id);
        }

        var result = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = definition.Name, TermIds = termIds, Skip = ((page ?? 1) - 1) * pageSize, Take = pageSize,
        });
        return TypedResults.Ok(new ContentList(result.Total, result.Items.Select(ToListItem).ToList()));
    }

    private static async Task<Results<Ok<ContentDetail>, ProblemHttpResult>> GetAsync(
        string id, IContentManager contentManager, MarkdownRenderer markdown, CardFactory cards, LessonForms forms, VenuePanoramas panoramas)
    {
        var item = await contentManager.GetAsync(id);
        if (item is null || item.ContentType == Content.Taxonomies.TaxonomyService.ContentType)
        {
            return Problem(StatusCodes.Status404NotFound, "内容不存在或尚未发布。");
        }

        var summary = ToListItem(item);
        var terms = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (field, taxonomy) in new[] { ("Themes", "Theme"), ("Regions", "Region"), ("Industries", "Industry"), ("Audiences", "Audience") })
        {
            var names = await cards.TermNamesAsync(item, field, taxonomy);
            if (names.Count > 0)
            {
                terms[taxonomy.ToLowerInvariant()] = names;
            }
        }

        return TypedResults.Ok(new ContentDetail(summary.Id, summary.Type, summary.Title, summary.Summary, summary.Url, summary.Cover, item.PublishedUtc,
            markdown.ToHtml(item.Get<MarkdownBodyPart>(nameof(MarkdownBodyPart))?.Markdown), terms,
            (await forms.ListAsync(item)).Select(f => new ItemForm(f.Kind, f.State, f.Url, f.MediaType, f.SizeBytes, f.DurationSeconds, f.Sentences)).ToList(),
            await panoramas.ListAsync(item)));
    }

    private static ContentListItem ToListItem(ContentItem item) => new(
        item.ContentItemId, item.ContentType, item.DisplayText, item.Get<SummaryPart>(nameof(SummaryPart))?.Summary,
        CardFactory.UrlOf(item), item.Get<MediaPart>(nameof(MediaPart))?.Cover);

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, title: detail, statusCode: status);
}
