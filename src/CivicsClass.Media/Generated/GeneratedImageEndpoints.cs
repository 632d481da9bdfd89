using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Serving;
using CivicsClass.Media.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CivicsClass.Media.Generated;

/// <summary>
/// <c>/media/g/{kind}/{item}/{key}</c>: a published item's generated cover, portrait mark or long image, drawn
/// the first time it is asked for and kept under its key with its profiles, like an uploaded image.
/// An address whose key is no longer the item's (its title or theme changed) redirects to the current one;
/// <c>/media/g/long/{item}</c> always leads to the lesson's current long image.
/// </summary>
internal static class GeneratedImageEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/g/long/{id}", CurrentLongImageAsync).ExcludeFromDescription();
        endpoints.MapGet("/media/g/{kind}/{id}/{key}", ServeAsync).ExcludeFromDescription();
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> CurrentLongImageAsync(string id, HttpContext context, IContentManager content,
        GeneratedImageSpecs specs, CjkFonts fonts)
    {
        if (!GeneratedImageUrl.IsItemId(id) || await content.GetAsync(id) is not { } item
            || await SpecAsync(GeneratedImageKind.LongImage, item, context, specs) is not { } spec)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        var key = GeneratedImageKeys.For(GeneratedImageKind.LongImage, spec, fonts.Description);
        return TypedResults.Redirect(GeneratedImageUrl.For(GeneratedImageKind.LongImage, id, key) + "?profile=long");
    }

    private static async Task<Results<FileStreamHttpResult, RedirectHttpResult, NotFound, ProblemHttpResult>> ServeAsync(string kind, string id, string key,
        string? profile, string? format, HttpContext context, IContentManager content, GeneratedImageSpecs specs, GeneratedImageDrawing drawing, CjkFonts fonts,
        IImageProcessor images, DerivativeCache cache, IOptions<MediaOptions> options, ILoggerFactory logs)
    {
        if (GeneratedImageUrl.ParseKind(kind) is not { } imageKind || !GeneratedImageUrl.IsItemId(id) || !MediaKey.IsValid(key) || !key.EndsWith(".png", StringComparison.Ordinal)
            || await content.GetAsync(id) is not { } item || await SpecAsync(imageKind, item, context, specs) is not { } spec)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        var current = GeneratedImageKeys.For(imageKind, spec, fonts.Description);
        if (current != key)
        {
            headers.CacheControl = "no-cache";
            return TypedResults.Redirect(GeneratedImageUrl.For(imageKind, id, current) + context.Request.QueryString);
        }

        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var ct = context.RequestAborted;
        Task<byte[]> Source() => cache.GetOrCreateSourceAsync(key, () => drawing.Draw(imageKind, spec), ct);
        async Task<FileStreamHttpResult> Png() =>
            TypedResults.Stream(new MemoryStream(await Source()), "image/png", entityTag: new EntityTagHeaderValue($"\"{key[..32]}\""));
        if (profile is null)
        {
            return await Png();
        }

        // Drawn opaque, so a browser that takes no WebP gets JPEG rather than a larger PNG.
        return await MediaEndpoints.ProfileAsync(context, key, profile, format, MediaSniffer.Jpeg, Source, Png, images, cache, options.Value, logs) switch
        {
            { Result: FileStreamHttpResult file } => file,
            { Result: ProblemHttpResult problem } => problem,
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<object?> SpecAsync(GeneratedImageKind kind, ContentItem item, HttpContext context, GeneratedImageSpecs specs) => kind switch
    {
        GeneratedImageKind.LongImage when item.Get<AutoroutePart>(nameof(AutoroutePart))?.Path is { Length: > 0 } path =>
            await specs.LongImageAsync(item, $"{context.Request.Scheme}://{context.Request.Host}/{path}"),
        GeneratedImageKind.LongImage => null,
        GeneratedImageKind.Panorama => await specs.PanoramaAsync(item),
        _ when GeneratedImageSpecs.KindFor(item.ContentType) == kind => await specs.CoverAsync(item),
        _ => null,
    };
}
