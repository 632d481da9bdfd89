namespace CivicsClass.Learning.Study;

/// <summary>A session opened or resumed: what it needs, and how far it got (elapsed from its first opening, media seconds counted).</summary>
public sealed record StudyOpened(string SessionId, int MinSeconds, int? MediaSecondsRequired, int VisitPoints, int ElapsedSeconds = 0, int MediaSeconds = 0,
    bool Resumed = false);
