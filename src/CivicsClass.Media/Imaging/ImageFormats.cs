namespace CivicsClass.Media.Imaging;

/// <summary>File extensions, content types and query names of the derivative formats.</summary>
internal static class ImageFormats
{
    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Webp => "webp",
        ImageFormat.Png => "png",
        _ => "jpg",
    };

    public static string ContentType(this ImageFormat format) => format switch
    {
        ImageFormat.Webp => "image/webp",
        ImageFormat.Png => "image/png",
        _ => "image/jpeg",
    };

    public static ImageFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "jpeg" or "jpg" => ImageFormat.Jpeg,
        "webp" => ImageFormat.Webp,
        "png" => ImageFormat.Png,
        _ => null,
    };
}
