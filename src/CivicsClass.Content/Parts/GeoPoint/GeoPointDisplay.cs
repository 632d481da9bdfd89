namespace CivicsClass.Content.Parts;

/// <summary>Where the item is on a map; only given when both coordinates are.</summary>
public sealed record GeoPointDisplay(double Latitude, double Longitude);
