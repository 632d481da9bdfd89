using CivicsClass.Media.Imaging;
using CivicsClass.Media.Storage;

namespace CivicsClass.Media;

/// <summary>The <c>Media</c> section of the settings.</summary>
public sealed class MediaOptions
{
    /// <summary>Where originals and derivatives live (<c>media/</c> and <c>media-cache/</c> inside it); <c>App_Data</c> under the content root when empty.</summary>
    public string? Folder { get; set; }

    /// <summary><c>libvips</c>, or <c>none</c> to serve originals only.</summary>
    public string ImageProcessor { get; set; } = "libvips";

    public long MaxImageBytes { get; set; } = 20 * 1024 * 1024;
    public long MaxAudioBytes { get; set; } = 100 * 1024 * 1024;
    public long MaxVideoBytes { get; set; } = 500 * 1024 * 1024;
    public long MaxDocumentBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>How many bytes of files one person may keep in the library; 0 for no limit.</summary>
    public long UserQuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>An image with more pixels than this is refused before it is decoded (a decompression bomb).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Neither side may be longer; a long image (长图) of 750 × 20 000 still fits.</summary>
    public int MaxDimension { get; set; } = 20_000;

    /// <summary>Images at least this many times taller than wide are long images (长图), shown in the zoomable viewer.</summary>
    public double LongImageRatio { get; set; } = 2.5;

    /// <summary>The only sizes the site makes. Nothing else is served, so no one can ask for arbitrary sizes.</summary>
    public Dictionary<string, ImageProfile> Profiles { get; set; } = new(StringComparer.Ordinal)
    {
        ["thumb"] = new() { Width = 160, Height = 160, Crop = true },
        ["thumb-2x"] = new() { Width = 320, Height = 320, Crop = true },
        ["card"] = new() { Width = 480, Height = 270, Crop = true },
        ["card-2x"] = new() { Width = 960, Height = 540, Crop = true },
        ["hero-small"] = new() { Width = 640 },
        ["hero"] = new() { Width = 1280 },
        ["long"] = new() { Width = 750 },
        ["panorama"] = new() { Width = 4096 },
    };

    /// <summary>The profiles an image is offered in together (<c>srcset</c>), smallest first.</summary>
    public Dictionary<string, string[]> ProfileSets { get; set; } = new(StringComparer.Ordinal)
    {
        ["thumb"] = ["thumb", "thumb-2x"],
        ["card"] = ["card", "card-2x"],
        ["hero"] = ["hero-small", "hero"],
        ["long"] = ["long"],
    };

    public long MaxBytesFor(MediaKind kind) => kind switch
    {
        MediaKind.Image => MaxImageBytes,
        MediaKind.Audio => MaxAudioBytes,
        MediaKind.Video => MaxVideoBytes,
        _ => MaxDocumentBytes,
    };

    /// <summary>The largest upload of any kind: the request limit of an upload form.</summary>
    public long MaxUploadBytes => new[] { MaxImageBytes, MaxAudioBytes, MaxVideoBytes, MaxDocumentBytes }.Max();
}
