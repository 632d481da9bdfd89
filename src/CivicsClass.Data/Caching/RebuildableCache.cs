namespace CivicsClass.Data.Caching;

/// <summary>
/// A value a node keeps in memory and can always rebuild from the database. Clearing bumps a
/// generation, so a load that began before a clear never stores what it read; and the value
/// expires on its own, which bounds how stale another node's copy can be until it hears of a change.
/// </summary>
public sealed class RebuildableCache<T>(Func<Task<T>> load, TimeProvider clock, TimeSpan lifetime) where T : class
{
    private readonly Lock _lock = new();
    private (T Value, long Generation, DateTimeOffset Expires)? _entry;
    private long _generation;

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

    public void Clear()
    {
        lock (_lock)
        {
            _generation++;
            _entry = null;
        }
    }
}
