using CivicsClass.Data.Caching;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Security;

/// <summary>The committed roles and what they grant, held by a node until a role changes or a minute passes.</summary>
public sealed class RoleCatalog
{
    public const string Anonymous = nameof(Anonymous);
    public const string Worker = nameof(Worker);
    public const string Lecturer = nameof(Lecturer);
    public const string Editor = nameof(Editor);
    public const string Administrator = nameof(Administrator);

    public const string CacheName = "roles";

    private readonly RebuildableCache<IReadOnlyDictionary<string, Role>> _cache;
    private readonly IReadOnlyDictionary<string, Permission> _declared;

    public RoleCatalog(IDocumentStore store, TimeProvider clock, IEnumerable<IPermissionProvider> providers, CacheSignals signals)
    {
        _cache = new(async () =>
        {
            await using var session = store.CreateSession();
            return (await session.GetAllAsync<Role>()).ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        }, clock, TimeSpan.FromMinutes(1), signals, CacheName);
        _declared = providers.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name).ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Every permission a module declared, by name.</summary>
    public IReadOnlyDictionary<string, Permission> Declared => _declared;

    public async Task<IReadOnlyList<Role>> ListAsync() => (await _cache.GetAsync()).Values.OrderBy(r => Rank(r.Name)).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    public async Task<Role?> GetAsync(string name) => (await _cache.GetAsync()).GetValueOrDefault(name);

    /// <summary>What holders of these roles may do. Everyone, signed in or not, has the Anonymous role's permissions.</summary>
    public async Task<IReadOnlySet<string>> PermissionsOfAsync(IEnumerable<string> roles)
    {
        var all = await _cache.GetAsync();
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in roles.Append(Anonymous))
        {
            if (all.TryGetValue(name, out var role))
            {
                granted.UnionWith(role.Permissions);
            }
        }

        return granted;
    }

    /// <summary>Forgets the roles on every node; call it after the change commits.</summary>
    public Task ClearAsync() => _cache.ClearEverywhereAsync();

    private static int Rank(string role) => role switch
    {
        Anonymous => 0,
        Worker => 1,
        Lecturer => 2,
        Editor => 3,
        Administrator => 4,
        _ => 5,
    };
}
