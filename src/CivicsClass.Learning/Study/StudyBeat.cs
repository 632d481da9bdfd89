namespace CivicsClass.Learning.Study;

public sealed record StudyBeat(int MediaSeconds, int? MediaSecondsRequired);
