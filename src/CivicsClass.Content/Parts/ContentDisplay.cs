namespace CivicsClass.Content.Parts;

/// <summary>What an item's parts give its page: typed values by their type, and sections shown after the body.</summary>
public sealed class ContentDisplay
{
    private readonly Dictionary<Type, object> _values = [];

    public List<PartSection> Sections { get; } = [];

    public void Set<T>(T value) where T : class => _values[typeof(T)] = value;

    public T? Get<T>() where T : class => _values.TryGetValue(typeof(T), out var value) ? (T)value : null;
}
