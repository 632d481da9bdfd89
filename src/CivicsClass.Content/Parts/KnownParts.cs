namespace CivicsClass.Content.Parts;

/// <summary>The parts registered with <see cref="ContentPartServiceCollectionExtensions.AddContentPart{TPart}"/>: what recipes and types may use.</summary>
public sealed class KnownParts(IEnumerable<ContentPartRegistration> registrations)
{
    private readonly Dictionary<string, ContentPartRegistration> _parts =
        registrations.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public IReadOnlySet<string> All => _parts.Keys.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<ContentPartRegistration> Ordered => _parts.Values.OrderBy(p => p.Position).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    public bool Contains(string name) => _parts.ContainsKey(name);

    /// <summary>The part's position; an unknown part goes last.</summary>
    public int Position(string name) => _parts.TryGetValue(name, out var part) ? part.Position : int.MaxValue;

    public string Label(string name) => _parts.TryGetValue(name, out var part) ? part.Label : name;
}
