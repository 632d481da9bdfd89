using CivicsClass.Search.Querying;
using Xunit;

namespace CivicsClass.Search.Tests.Querying;

public sealed class SearchResultCacheTests
{
    private static readonly SearchQuery s_query = new([], [], new Dictionary<string, IReadOnlyList<string>>(), []);

    [Fact]
    public void TryGet_SameVersion_ReturnsWhatWasAdded()
    {
        var cache = new SearchResultCache(new SearchOptions());
        var result = Result(3);

        cache.Add(7, "劳模", result);

        Assert.True(cache.TryGet(7, "劳模", out var cached));
        Assert.Same(result, cached);
        Assert.False(cache.TryGet(7, "工匠", out _));
    }

    [Fact]
    public void TryGet_AfterTheVersionChanged_Misses()
    {
        var cache = new SearchResultCache(new SearchOptions());
        cache.Add(7, "劳模", Result(3));

        Assert.False(cache.TryGet(8, "劳模", out _));
    }

    [Fact]
    public void Add_FromASearchThatReadAnOlderVersion_IsNotKept()
    {
        var cache = new SearchResultCache(new SearchOptions());
        cache.Add(8, "工匠", Result(1));

        cache.Add(7, "劳模", Result(3));

        Assert.False(cache.TryGet(7, "劳模", out _));
        Assert.False(cache.TryGet(8, "劳模", out _));
        Assert.True(cache.TryGet(8, "工匠", out _));
    }

    [Fact]
    public void Add_WhenFull_StartsOver()
    {
        var cache = new SearchResultCache(new SearchOptions { ResultCacheSize = 2 });
        cache.Add(1, "a", Result(1));
        cache.Add(1, "b", Result(2));

        cache.Add(1, "c", Result(3));

        Assert.False(cache.TryGet(1, "a", out _));
        Assert.True(cache.TryGet(1, "c", out _));
    }

    [Fact]
    public void Add_SizeZero_KeepsNothing()
    {
        var cache = new SearchResultCache(new SearchOptions { ResultCacheSize = 0 });

        cache.Add(1, "劳模", Result(3));

        Assert.False(cache.TryGet(1, "劳模", out _));
    }

    private static SearchResult Result(int total) =>
        new(total, 0, [], new Dictionary<string, IReadOnlyDictionary<string, int>>(), false, s_query, 1, 10);
}
