namespace CivicsClass.Contests.Map;

/// <summary>A point of a contest's map: a venue, the study day it opens, and whether this person has lit it.</summary>
internal sealed record MapPoint(int Index, string VenueId, string Name, string? Url, double? Latitude, double? Longitude, int OpensDay, MapPointState State);
