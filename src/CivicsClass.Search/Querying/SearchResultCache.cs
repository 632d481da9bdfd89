using System.Diagnostics.CodeAnalysis;

namespace CivicsClass.Search.Querying;

/// <summary>
/// Recent results, each under the index version it was read at. Every change to the index bumps the
/// version in the change's own transaction, on whichever node makes it, so once a change has committed
/// no search is answered from before it. The version is read before the search runs: a result stored
/// under a version is never older than that version. Bounded: a full cache starts over.
/// </summary>
public sealed class SearchResultCache(SearchOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SearchResult> _results = new(StringComparer.Ordinal);
    private long _version = -1;

    public bool TryGet(long version, string key, [NotNullWhen(true)] out SearchResult? result)
    {
        lock (_lock)
        {
            result = null;
            return version == _version && _results.TryGetValue(key, out result);
        }
    }

    public void Add(long version, string key, SearchResult result)
    {
        lock (_lock)
        {
            if (version < _version || options.ResultCacheSize <= 0)
            {
                return;
            }

            if (version > _version || _results.Count >= options.ResultCacheSize)
            {
                _results.Clear();
                _version = version;
            }

            _results[key] = result;
        }
    }
}
