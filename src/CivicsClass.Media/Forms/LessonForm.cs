namespace CivicsClass.Media.Forms;

/// <summary>
/// One form of an item as the site and the API show it. <see cref="Url"/> and the file's facts are set
/// once it is <see cref="FormState.Ready"/>; before that <see cref="State"/> says why not.
/// </summary>
/// <param name="Timings">When the form was made: how long each step took, as JSON.</param>
public sealed record LessonForm(string Kind, string State, string? Url, string? MediaType, long? SizeBytes, double? DurationSeconds,
    IReadOnlyList<SentenceTiming>? Sentences, string? Error = null, string? Timings = null);
