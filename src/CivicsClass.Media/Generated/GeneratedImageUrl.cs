using CivicsClass.Media.Storage;

namespace CivicsClass.Media.Generated;

/// <summary>
/// Addresses of generated images: <c>/media/g/{kind}/{item}/{key}</c>, where the key is the hash of what
/// the image is drawn from. The item names what to draw; the key makes the address change with the picture.
/// </summary>
public sealed record GeneratedImageUrl(GeneratedImageKind Kind, string ContentItemId, string Key)
{
    public const string Prefix = "/media/g/";

    public static string For(GeneratedImageKind kind, string contentItemId, string key) => $"{Prefix}{Segment(kind)}/{contentItemId}/{key}";

    /// <summary>The address that always leads to the lesson's current long image.</summary>
    public static string LongImage(string contentItemId) => $"{Prefix}{Segment(GeneratedImageKind.LongImage)}/{contentItemId}";

    public static string Segment(GeneratedImageKind kind) => kind switch
    {
        GeneratedImageKind.Cover => "cover",
        GeneratedImageKind.Portrait => "portrait",
        GeneratedImageKind.Panorama => "panorama",
        _ => "long",
    };

    public static GeneratedImageKind? ParseKind(string segment) => segment switch
    {
        "cover" => GeneratedImageKind.Cover,
        "portrait" => GeneratedImageKind.Portrait,
        "long" => GeneratedImageKind.LongImage,
        "panorama" => GeneratedImageKind.Panorama,
        _ => null,
    };

    public static bool IsItemId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The parts of a generated image's address (a query string is ignored), or null for any other address.</summary>
    public static GeneratedImageUrl? Parse(string? url)
    {
        if (url is null || !url.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = url[Prefix.Length..].Split('?', '#')[0].Split('/');
        return parts.Length == 3 && ParseKind(parts[0]) is { } kind && IsItemId(parts[1]) && MediaKey.IsValid(parts[2])
            ? new GeneratedImageUrl(kind, parts[1], parts[2])
            : null;
    }
}
