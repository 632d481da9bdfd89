namespace CivicsClass.Learning.Study;

/// <summary>Where a session stands after a heartbeat: media seconds counted and needed, and the seconds since it was first opened.</summary>
public sealed record StudyBeat(int MediaSeconds, int? MediaSecondsRequired, int ElapsedSeconds = 0);
