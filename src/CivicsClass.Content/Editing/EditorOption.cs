namespace CivicsClass.Content.Editing;

public sealed record EditorOption(string Value, string Label, int Depth = 0);
