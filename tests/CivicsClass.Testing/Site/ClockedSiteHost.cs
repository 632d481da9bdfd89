namespace CivicsClass.Testing.Site;

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
