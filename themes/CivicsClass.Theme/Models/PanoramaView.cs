namespace CivicsClass.Theme.Models;

/// <summary>
/// A venue's 360° panorama as the page shows it: <see cref="ViewerUrl"/> for the viewer (4096 px wide), <see cref="Image"/>
/// for the picture shown without script (through the image profiles), <see cref="OriginalUrl"/> for the link to the whole
/// image, and a hotspot for each of the venue's lessons.
/// </summary>
public sealed record PanoramaView(string Title, string Image, string ViewerUrl, string OriginalUrl, bool Drawn, IReadOnlyList<PanoramaHotspotView> Hotspots);

/// <summary>A lesson placed in a panorama, in degrees: yaw to the right of the image's centre, pitch above the horizon.</summary>
public sealed record PanoramaHotspotView(string LessonId, string Title, string Url, double Yaw, double Pitch);
