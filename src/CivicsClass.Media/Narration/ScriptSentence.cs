namespace CivicsClass.Media.Narration;

/// <summary>A sentence of a narration: as the page shows it, and as the engine is given it.</summary>
internal sealed record ScriptSentence(string Shown, string Spoken);
