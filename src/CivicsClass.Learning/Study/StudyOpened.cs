namespace CivicsClass.Learning.Study;

public sealed record StudyOpened(string SessionId, int MinSeconds, int? MediaSecondsRequired, int VisitPoints);
