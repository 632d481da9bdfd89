namespace CivicsClass.Theme.Models;

/// <summary>A sentence of the lesson's narration, with where it starts and ends in the audio (null while the audio is not made).</summary>
public sealed record NarrationSentence(string Text, double? Start, double? End);

/// <summary>
/// The lesson read aloud (听课): the audio when it is made, and its sentences either way, so that without
/// the audio the device's own voice can read the same sentences.
/// </summary>
/// <param name="Unavailable">The site has no speech engine: the device's voice is the only one.</param>
public sealed record NarrationView(string? AudioUrl, double? DurationSeconds, IReadOnlyList<NarrationSentence> Sentences, bool Unavailable);
