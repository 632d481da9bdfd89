using CivicsClass.Data.Caching;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Definitions;

/// <summary>The committed type definitions, held by a node until a definition changes or a minute passes.</summary>
public sealed class ContentDefinitionCache
{
    public const string CacheName = "types";

    private readonly RebuildableCache<IReadOnlyDictionary<string, ContentTypeDefinition>> _cache;

    public ContentDefinitionCache(IDocumentStore store, TimeProvider clock, CacheSignals signals)
    {
        _cache = new(async () =>
        {
            await using var session = store.CreateSession();
            return (await session.GetAllAsync<ContentTypeDefinition>()).ToDictionary(t => t.Name, StringComparer.Ordinal);
        }, clock, TimeSpan.FromMinutes(1), signals, CacheName);
    }

    public Task<IReadOnlyDictionary<string, ContentTypeDefinition>> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync();

    /// <summary>Forgets the definitions on every node; call it after the change commits.</summary>
    public Task ClearAsync() => _cache.ClearEverywhereAsync();
}
