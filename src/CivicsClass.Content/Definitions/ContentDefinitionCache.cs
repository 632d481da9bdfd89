using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Definitions;

/// <summary>
/// The committed type definitions, held by a node until a definition changes. It can always be
/// rebuilt from the database, so clearing it is the whole eviction story.
/// </summary>
public sealed class ContentDefinitionCache(IDocumentStore store)
{
    private volatile IReadOnlyDictionary<string, ContentTypeDefinition>? _types;

    public async Task<IReadOnlyDictionary<string, ContentTypeDefinition>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_types is { } types)
        {
            return types;
        }

        await using var session = store.CreateSession();
        var loaded = (await session.GetAllAsync<ContentTypeDefinition>(cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        _types = loaded;
        return loaded;
    }

    public void Clear() => _types = null;
}
