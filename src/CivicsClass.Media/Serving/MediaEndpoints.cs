using CivicsClass.Media.Imaging;
using CivicsClass.Media.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CivicsClass.Media.Serving;

/// <summary>
/// <c>/media/{key}</c>: the original, with range requests for audio and video; with
/// <c>?profile=</c> one of the listed sizes, in the format asked for or the best the browser accepts.
/// Every answer is immutable (a key never changes its bytes) and carries a strong ETag.
/// </summary>
internal static class MediaEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/media/{key}", ServeAsync).ExcludeFromDescription();

    private static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult>> ServeAsync(string key, string? profile, string? format,
        HttpContext context, IMediaStore store, IImageProcessor images, DerivativeCache cache, IOptions<MediaOptions> options, ILoggerFactory logs)
    {
        if (!MediaKey.IsValid(key) || MediaSniffer.ForKey(key) is not { } type || !store.Exists(key))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        // Served files are never documents that run anything, even if a browser were to treat one as a page.
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        if (profile is null)
        {
            return Original(key, type, store);
        }

        if (type.Kind != MediaKind.Image)
        {
            return TypedResults.Problem("只有图片有图片规格。", statusCode: StatusCodes.Status400BadRequest);
        }

        return await ProfileAsync(context, key, profile, format, type, () => ReadAllAsync(store, key, context.RequestAborted), () => Task.FromResult(Original(key, type, store)),
            images, cache, options.Value, logs);
    }

    /// <summary>
    /// An image's <paramref name="profile"/>, made from <paramref name="original"/> once and kept; the format asked
    /// for or the best the browser accepts; <paramref name="unprocessed"/> when images cannot be resized here.
    /// </summary>
    internal static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult>> ProfileAsync(HttpContext context, string key, string profile,
        string? format, MediaType type, Func<Task<byte[]>> original, Func<Task<FileStreamHttpResult>> unprocessed, IImageProcessor images, DerivativeCache cache,
        MediaOptions options, ILoggerFactory logs)
    {
        if (!options.Profiles.TryGetValue(profile, out var size))
        {
            return TypedResults.Problem($"没有“{profile}”这个图片规格。可用的规格：{string.Join("、", options.Profiles.Keys)}。", statusCode: StatusCodes.Status400BadRequest);
        }

        var chosen = format is null ? Negotiate(context.Request, type) : ImageFormats.Parse(format);
        if (chosen is not { } imageFormat)
        {
            return TypedResults.Problem($"不支持“{format}”格式，可选 jpeg、webp、png。", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!images.IsAvailable)
        {
            return await unprocessed();
        }

        if (format is null)
        {
            context.Response.Headers.Vary = "Accept";
        }

        try
        {
            var path = await cache.GetOrCreateAsync(key, profile, size, imageFormat, original, context.RequestAborted);
            var tag = new EntityTagHeaderValue($"\"{key[..32]}-{Path.GetFileNameWithoutExtension(path)}-{imageFormat.Extension()}\"");
            return TypedResults.Stream(File.OpenRead(path), imageFormat.ContentType(), entityTag: tag);
        }
        catch (ImageProcessingException e)
        {
            logs.CreateLogger(typeof(MediaEndpoints)).LogWarning("Image {Key} could not be resized ({Error}); the original is served", key, e.Message);
            return await unprocessed();
        }
    }

    private static FileStreamHttpResult Original(string key, MediaType type, IMediaStore store) =>
        TypedResults.Stream(store.OpenRead(key)!, type.ContentType,
            fileDownloadName: type.Kind == MediaKind.Document ? key : null,
            entityTag: new EntityTagHeaderValue($"\"{key[..32]}\""),
            enableRangeProcessing: true);

    /// <summary>WebP to browsers that say they take it; otherwise JPEG, or PNG for pictures that may be transparent.</summary>
    private static ImageFormat Negotiate(HttpRequest request, MediaType original) =>
        request.Headers.Accept.ToString().Contains("image/webp", StringComparison.OrdinalIgnoreCase) ? ImageFormat.Webp
        : original == MediaSniffer.Png || original == MediaSniffer.Gif ? ImageFormat.Png
        : ImageFormat.Jpeg;

    private static async Task<byte[]> ReadAllAsync(IMediaStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(key) ?? throw new FileNotFoundException(key);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
