namespace CivicsClass.Learning.Study;

/// <summary>What a lesson asks of a worker before it counts: a minimum time and, with media, the seconds to play.</summary>
public sealed record StudyTerms(int MinSeconds, int? MediaDuration, int? MediaSecondsRequired);
