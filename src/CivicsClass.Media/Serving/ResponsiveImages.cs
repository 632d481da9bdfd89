using System.Globalization;
using CivicsClass.Data.Dialects;
using CivicsClass.Media.Generated;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Storage;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Serving;

/// <summary>
/// Describes a <c>/media/{key}</c> image, or a generated one (<c>/media/g/…</c>), for a profile set. An image's size never changes, so it is
/// remembered in memory; a node that forgets it just reads it again.
/// </summary>
internal sealed class ResponsiveImages(ISqlDialect dialect, IImageProcessor images, IOptions<MediaOptions> options) : IDisposable
{
    private readonly MemoryCache _sizes = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async Task<ImageSource> DescribeAsync(string url, string set)
    {
        var generated = GeneratedImageUrl.Parse(url);
        if (generated is null && (MediaKey.FromUrl(url) is not { } key || MediaSniffer.ForKey(key)?.Kind != MediaKind.Image))
        {
            return new ImageSource(url, null, null, null, false, url);
        }

        var settings = options.Value;
        var (width, height) = generated?.Kind switch
        {
            GeneratedImageKind.Cover => (CoverRenderer.CoverWidth, CoverRenderer.CoverHeight),
            GeneratedImageKind.Portrait => (CoverRenderer.PortraitSize, CoverRenderer.PortraitSize),
            GeneratedImageKind.LongImage => (LongImageRenderer.Width, 0),
            GeneratedImageKind.Panorama => (Panoramas.PanoramaRenderer.Width, Panoramas.PanoramaRenderer.Height),
            _ => await SizeAsync(MediaKey.FromUrl(url)!),
        };
        var isLong = width > 0 && height >= width * settings.LongImageRatio;
        if (!images.IsAvailable)
        {
            return new ImageSource(url, null, width > 0 ? width : null, height > 0 ? height : null, isLong, url);
        }

        var profiles = (settings.ProfileSets.GetValueOrDefault(isLong ? "long" : set) ?? [set])
            .Where(settings.Profiles.ContainsKey).Select(name => (Name: name, Profile: settings.Profiles[name])).ToList();
        if (profiles.Count == 0)
        {
            return new ImageSource(url, null, null, null, isLong, url);
        }

        // A width the original does not reach would be a promise the derivative cannot keep (images are never enlarged).
        var offered = profiles.Where((p, i) => i == 0 || width == 0 || p.Profile.Width <= width).ToList();
        var srcSet = string.Join(", ", offered.Select(p => string.Create(CultureInfo.InvariantCulture, $"{url}?profile={p.Name} {p.Profile.Width}w")));
        var largest = offered[^1].Profile;
        var (shownWidth, shownHeight) = largest.Crop && largest.Height is { } h ? (largest.Width, h)
            : width > 0 ? (Math.Min(largest.Width, width), (int)Math.Round((double)height * Math.Min(largest.Width, width) / width))
            : (0, 0);
        return new ImageSource($"{url}?profile={offered[0].Name}", srcSet, shownWidth > 0 ? shownWidth : null, shownHeight > 0 ? shownHeight : null, isLong, url);
    }

    private async Task<(int Width, int Height)> SizeAsync(string key)
    {
        if (_sizes.TryGetValue(key, out (int, int) size))
        {
            return size;
        }

        await using var connection = await dialect.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SizeRow>("SELECT width, height FROM media_file WHERE media_key = @key", new { key });
        size = (row?.Width ?? 0, row?.Height ?? 0);
        // A file not in the library yet may be added in a moment; a known size is for ever.
        _sizes.Set(key, size, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = row is null ? TimeSpan.FromMinutes(1) : null });
        return size;
    }

    public void Dispose() => _sizes.Dispose();

    private sealed class SizeRow
    {
        public int? Width { get; set; }
        public int? Height { get; set; }
    }
}
