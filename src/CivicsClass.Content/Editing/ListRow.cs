namespace CivicsClass.Content.Editing;

public sealed record ListRow(string Id, string Label);
