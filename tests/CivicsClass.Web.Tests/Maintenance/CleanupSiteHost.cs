using CivicsClass.Testing;

namespace CivicsClass.Web.Tests.Maintenance;

/// <summary>A seeded site with a hand-moved clock whose cleanup runs only when a test (or the button) asks within the tests' time.</summary>
public sealed class CleanupSiteHost<TProvider> : SiteHost<TProvider> where TProvider : IDatabaseProvider, new()
{
    public ManualClock Clock { get; } = new();

    protected override SiteFactory CreateFactory(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Maintenance:IntervalSeconds"] = "3600", ["Accounts:AccessTokenMinutes"] = "525600" }, Clock);
}
