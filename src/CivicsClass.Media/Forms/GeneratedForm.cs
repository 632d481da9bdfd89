namespace CivicsClass.Media.Forms;

/// <summary>A form written to a file, with what a player or the API needs to know about it.</summary>
/// <param name="Sentences">For narration: each sentence with when it starts and ends.</param>
/// <param name="Steps">Milliseconds spent in each step of making it (synthesis, encoding …), recorded with the form.</param>
internal sealed record GeneratedForm(string FilePath, string Extension, string MediaType, double? DurationSeconds, IReadOnlyList<SentenceTiming>? Sentences,
    IReadOnlyDictionary<string, double> Steps);
