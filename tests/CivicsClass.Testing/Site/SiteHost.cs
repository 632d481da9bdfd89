
namespace CivicsClass.Testing.Site;

/// <summary>
/// One seeded site per test class, started on first use (so a missing PostgreSQL server skips the
/// test rather than failing the fixture). Tests that change content use their own items.
/// </summary>
public class SiteHost<TProvider> : IAsyncDisposable where TProvider : IDatabaseProvider, new()
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _database;
    private SiteFactory? _factory;

    public async Task<SiteFactory> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_factory is null)
            {
                _database = await new TProvider().CreateAsync();
                _factory = CreateFactory(_database);
                _factory.CreateClient().Dispose();
            }

            return _factory;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected virtual SiteFactory CreateFactory(TestDatabase database) => new(database);

    public async Task<HttpClient> ClientAsync() =>
        (await GetAsync()).CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>A seeded site whose clock the tests move by hand: to pass a minimum study time, a code's minute or a midnight.</summary>
public sealed class ClockedSiteHost<TProvider> : SiteHost<TProvider> where TProvider : IDatabaseProvider, new()
{
    public ManualClock Clock { get; } = AwayFromMidnight();

    /// <summary>
    /// Starts at the real time, unless midnight in China (where study days begin) is less than three hours
    /// away: then just after it. A test that moves the clock by minutes or hours then stays in the day it
    /// began in, whatever the time of day the tests run at.
    /// </summary>
    private static ManualClock AwayFromMidnight()
    {
        var clock = new ManualClock();
        var china = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var untilMidnight = china.Date.AddDays(1) - china.DateTime;
        if (untilMidnight < TimeSpan.FromHours(3))
        {
            clock.Advance(untilMidnight + TimeSpan.FromMinutes(30));
        }

        return clock;
    }

    /// <summary>The app's access token outlives the hours a test moves the clock by, as if the app had refreshed it.</summary>
    protected override SiteFactory CreateFactory(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Accounts:AccessTokenMinutes"] = "525600" }, Clock);
}
