namespace CivicsClass.Content.Parts;

/// <summary>
/// One equirectangular panorama (twice as wide as high): an uploaded image from the media library, or one the
/// platform draws from the venue's own facts (<see cref="Drawn"/>) for a venue nobody has photographed yet.
/// </summary>
public sealed class Panorama
{
    /// <summary>The library image's address (<c>/media/{key}</c>); empty when drawn.</summary>
    public string? Image { get; set; }

    public bool Drawn { get; set; }

    public string? Title { get; set; }

    /// <summary>Where a lesson's hotspot stands; lessons not placed here are spread evenly around the horizon.</summary>
    public List<PanoramaHotspot> Hotspots { get; set; } = [];
}
