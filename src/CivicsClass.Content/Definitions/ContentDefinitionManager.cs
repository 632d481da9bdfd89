using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Definitions;

/// <summary>
/// Reads type definitions from the node's cache; once this unit of work changes one, it reads its
/// own uncommitted view, and the cache is cleared when the change commits.
/// </summary>
public sealed class ContentDefinitionManager(ISession session, ContentDefinitionCache cache)
{
    private Dictionary<string, ContentTypeDefinition>? _changed;

    public async Task<IReadOnlyCollection<ContentTypeDefinition>> ListTypesAsync(CancellationToken cancellationToken = default) =>
        _changed?.Values ?? (IReadOnlyCollection<ContentTypeDefinition>)(await cache.GetAsync(cancellationToken)).Values.ToList();

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name, CancellationToken cancellationToken = default)
    {
        if (_changed is not null)
        {
            return _changed.GetValueOrDefault(name);
        }

        return (await cache.GetAsync(cancellationToken)).GetValueOrDefault(name);
    }

    /// <summary>The types whose items are studied for points (lessons); see <see cref="ContentTypeDefinition.Studied"/>.</summary>
    public async Task<IReadOnlyList<string>> StudiedTypesAsync(CancellationToken cancellationToken = default) =>
        (await ListTypesAsync(cancellationToken)).Where(t => t.Studied).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

    public async Task<bool> IsStudiedAsync(string contentType, CancellationToken cancellationToken = default) =>
        (await GetTypeAsync(contentType, cancellationToken))?.Studied == true;

    /// <summary>Creates the type or replaces the stored definition of the same name.</summary>
    public async Task SaveTypeAsync(ContentTypeDefinition definition, CancellationToken cancellationToken = default)
    {
        _changed ??= (await session.GetAllAsync<ContentTypeDefinition>(cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (_changed.TryGetValue(definition.Name, out var existing) && !ReferenceEquals(existing, definition))
        {
            definition.Id = existing.Id;
            definition.Version = existing.Version;
        }

        await session.SaveAsync(definition, cancellationToken);
        _changed[definition.Name] = definition;
        session.OnCommitted(cache.ClearAsync);
    }
}
