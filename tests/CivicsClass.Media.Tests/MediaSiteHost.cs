using CivicsClass.Testing;
using CivicsClass.Testing.Site;

namespace CivicsClass.Media.Tests;

/// <summary>A seeded site whose images may be at most 2 MB, so an over-size upload is quick to make.</summary>
public sealed class MediaSiteHost<TProvider> : SiteHost<TProvider> where TProvider : IDatabaseProvider, new()
{
    public const long MaxImageBytes = 2 * 1024 * 1024;

    protected override SiteFactory CreateFactory(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Media:MaxImageBytes"] = MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
