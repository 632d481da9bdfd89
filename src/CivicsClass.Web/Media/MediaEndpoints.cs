namespace CivicsClass.Web.Media;

public static class MediaEndpoints
{
    public const long MaxImageBytes = 10 * 1024 * 1024;

    public static IServiceCollection AddMediaStore(this IServiceCollection services, string contentRoot) =>
        services.AddSingleton<IMediaStore>(new FileSystemMediaStore(Path.Combine(contentRoot, "App_Data", "media")));

    /// <summary><c>/media/{key}</c>: an uploaded file, with its sniffed type and a long cache life (a key never changes its bytes).</summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{key}", (string key, IMediaStore store, HttpContext context) =>
        {
            if (store.OpenRead(key) is not { } stream || MediaSniffer.ForKey(key) is not { } type)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Stream(stream, type.ContentType, enableRangeProcessing: true);
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Stores an uploaded image after checking its bytes; returns the address or a message for the form.</summary>
    public static async Task<(string? Url, string? Error)> SaveImageAsync(IMediaStore store, IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return (null, null);
        }

        if (file.Length > MaxImageBytes)
        {
            return (null, $"图片不能超过 {MaxImageBytes / 1024 / 1024} MB。");
        }

        await using var stream = file.OpenReadStream();
        var head = new byte[16];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (MediaSniffer.Detect(head.AsSpan(0, read)) is not { } type)
        {
            return (null, "只能上传 JPEG、PNG、WebP 或 GIF 图片（按文件内容识别）。");
        }

        stream.Position = 0;
        var key = await store.SaveAsync(stream, type.Extension, cancellationToken);
        return ("/media/" + key, null);
    }
}
