namespace CivicsClass.Content.Parts;

public sealed class GeoPointPart
{
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}
