using CivicsClass.Data.Caching;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Definitions;

/// <summary>The committed type definitions, held by a node until a definition changes or a minute passes.</summary>
public sealed class ContentDefinitionCache
{
    private readonly RebuildableCache<IReadOnlyDictionary<string, ContentTypeDefinition>> _cache;

    public ContentDefinitionCache(IDocumentStore store, TimeProvider clock)
    {
        _cache = new(async () =>
        {
            await using var session = store.CreateSession();
            return (await session.GetAllAsync<ContentTypeDefinition>()).ToDictionary(t => t.Name, StringComparer.Ordinal);
        }, clock, TimeSpan.FromMinutes(1));
    }

    public Task<IReadOnlyDictionary<string, ContentTypeDefinition>> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync();

    public void Clear() => _cache.Clear();
}
