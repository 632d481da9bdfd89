namespace CivicsClass.Data.Caching;

/// <summary>
/// A value a node keeps in memory and can always rebuild from the database. Clearing bumps a
/// generation, so a load that began before a clear never stores what it read; and the value
/// expires on its own, which bounds how stale another node's copy can be until it hears of a change.
/// A cache given a name and the <see cref="CacheSignals"/> is cleared on every node by that name.
/// </summary>
public sealed class RebuildableCache<T> where T : class
{
    private readonly Func<Task<T>> load;
    private readonly TimeProvider clock;
    private readonly TimeSpan lifetime;
    private readonly (CacheSignals Signals, string Name)? _shared;
    private readonly Lock _lock = new();
    private (T Value, long Generation, DateTimeOffset Expires)? _entry;
    private long _generation;

    public RebuildableCache(Func<Task<T>> load, TimeProvider clock, TimeSpan lifetime, CacheSignals? signals = null, string? name = null)
    {
        (this.load, this.clock, this.lifetime) = (load, clock, lifetime);
        if (signals is not null && name is not null)
        {
            _shared = (signals, name);
            signals.Subscribe(name, Clear);
        }
    }

    public async Task<T> GetAsync()
    {
        long generation;
        lock (_lock)
        {
            if (_entry is { } entry && entry.Generation == _generation && entry.Expires > clock.GetUtcNow())
            {
                return entry.Value;
            }

            generation = _generation;
        }

        var value = await load();
        lock (_lock)
        {
            if (generation == _generation)
            {
                _entry = (value, generation, clock.GetUtcNow() + lifetime);
            }
        }

        return value;
    }

    /// <summary>Forgets the value on every node (only here when it has no name); call it after the change commits.</summary>
    public Task ClearEverywhereAsync()
    {
        if (_shared is { } shared)
        {
            return shared.Signals.ClearAsync(shared.Name);
        }

        Clear();
        return Task.CompletedTask;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _generation++;
            _entry = null;
        }
    }
}
