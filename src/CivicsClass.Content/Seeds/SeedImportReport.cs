namespace CivicsClass.Content.Seeds;

public sealed class SeedImportReport
{
    public Dictionary<string, int> Imported { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Unchanged { get; } = new(StringComparer.Ordinal);
    public List<SeedError> Errors { get; } = [];

    public int ImportedCount => Imported.Values.Sum();
    public int UnchangedCount => Unchanged.Values.Sum();

    public override string ToString() =>
        $"imported {ImportedCount} ({string.Join(", ", Imported.Select(p => $"{p.Key} {p.Value}"))}), unchanged {UnchangedCount}, errors {Errors.Count}";
}

/// <summary>A seed file that was not imported: <c>path:line: message</c>.</summary>
public sealed record SeedError(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}
