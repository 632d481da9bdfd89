namespace CivicsClass.Learning.Study;

/// <summary>What a lesson asks of a worker before it counts: a minimum time and, with media, the seconds to play.</summary>
/// <param name="ListeningOptional">
/// The media is the lesson's narration, not a recording of its own: reading for the minimum time counts, and so
/// does listening to the narration by the media rule instead.
/// </param>
public sealed record StudyTerms(int MinSeconds, int? MediaDuration, int? MediaSecondsRequired, bool ListeningOptional = false);
