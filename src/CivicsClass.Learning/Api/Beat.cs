namespace CivicsClass.Learning.Api;

/// <summary>The media seconds a study session has counted, how many it needs, and the seconds since it was first opened.</summary>
internal sealed record Beat(int MediaSeconds, int? MediaSecondsRequired, int ElapsedSeconds);
