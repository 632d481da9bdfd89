namespace CivicsClass.Learning.Study;

/// <summary>A worker's open, resumable session on a lesson, as a lesson page shows it: read without changing anything.</summary>
public sealed record OpenStudy(string SessionId, int MinSeconds, int? MediaSecondsRequired, int ElapsedSeconds, int MediaSeconds);
