using CivicsClass.Testing;
using CivicsClass.Data.Caching;
using Xunit;

namespace CivicsClass.Data.Tests.Caching;

public sealed class RebuildableCacheTests
{
    [Fact]
    public async Task Get_Twice_LoadsOnce()
    {
        var loads = 0;
        var cache = new RebuildableCache<string>(() => Task.FromResult($"v{++loads}"), TimeProvider.System, TimeSpan.FromMinutes(1));

        Assert.Equal("v1", await cache.GetAsync());
        Assert.Equal("v1", await cache.GetAsync());
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Clear_DuringALoad_KeepsThatLoadsStaleValueOutOfTheCache()
    {
        var gate = new TaskCompletionSource();
        var loads = 0;
        var cache = new RebuildableCache<string>(async () =>
        {
            var n = ++loads;
            if (n == 1)
            {
                await gate.Task;
            }

            return $"v{n}";
        }, TimeProvider.System, TimeSpan.FromMinutes(1));

        var slow = cache.GetAsync();
        cache.Clear();
        gate.SetResult();

        Assert.Equal("v1", await slow);
        Assert.Equal("v2", await cache.GetAsync());
    }

    [Fact]
    public async Task Get_AfterLifetime_Reloads()
    {
        var clock = new ManualClock();
        var loads = 0;
        var cache = new RebuildableCache<string>(() => Task.FromResult($"v{++loads}"), clock, TimeSpan.FromMinutes(1));
        await cache.GetAsync();

        clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal("v2", await cache.GetAsync());
    }
}
