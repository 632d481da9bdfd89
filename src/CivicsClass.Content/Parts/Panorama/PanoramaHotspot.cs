namespace CivicsClass.Content.Parts;

/// <summary>A lesson placed in a panorama: degrees to the right of the image's centre (yaw) and above the horizon (pitch).</summary>
public sealed class PanoramaHotspot
{
    public string ContentItemId { get; set; } = "";
    public double Yaw { get; set; }
    public double Pitch { get; set; }
}
