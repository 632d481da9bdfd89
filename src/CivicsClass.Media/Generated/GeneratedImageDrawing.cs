using System.Diagnostics;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Media.Panoramas;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Media.Generated;

/// <summary>Draws a generated image from its spec and records how long it took (<c>civics.media.draw.duration</c>, by kind).</summary>
internal sealed class GeneratedImageDrawing(CoverRenderer covers, LongImageRenderer longImages, PanoramaRenderer panoramas, ILogger<GeneratedImageDrawing> logger)
{
    public byte[] Draw(GeneratedImageKind kind, object spec)
    {
        var started = Stopwatch.GetTimestamp();
        var png = (kind, spec) switch
        {
            (GeneratedImageKind.Cover, CoverSpec cover) => covers.Cover(cover),
            (GeneratedImageKind.Portrait, CoverSpec portrait) => covers.Portrait(portrait),
            (GeneratedImageKind.LongImage, LongImageSpec page) => longImages.Render(page),
            (GeneratedImageKind.Panorama, PanoramaSpec hall) => panoramas.Render(hall),
            _ => throw new ArgumentException($"A {kind} is not drawn from a {spec.GetType().Name}.", nameof(spec)),
        };
        var elapsed = Stopwatch.GetElapsedTime(started);
        SiteMetrics.ImageDrawDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", GeneratedImageUrl.Segment(kind)));
        logger.LogDebug("Drew a {Kind} in {Milliseconds:F1} ms ({Bytes} bytes)", kind, elapsed.TotalMilliseconds, png.Length);
        return png;
    }
}
