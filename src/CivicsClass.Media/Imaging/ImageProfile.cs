using System.Globalization;

namespace CivicsClass.Media.Imaging;

/// <summary>One size the site makes of an image: a width, and with a height a crop to exactly that box.</summary>
public sealed class ImageProfile
{
    public int Width { get; set; }

    /// <summary>With <see cref="Crop"/>, the exact height; without, the image keeps its proportions.</summary>
    public int? Height { get; set; }

    public bool Crop { get; set; }

    /// <summary>Changes when the profile does, so cached derivatives and ETags of an old definition are never served for a new one.</summary>
    public string Signature => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}{(Crop ? "c" : "")}");
}

/// <summary>The formats derivatives are written in.</summary>
public enum ImageFormat
{
    Jpeg,
    Webp,
    Png,
}

public static class ImageFormats
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
