using System.Globalization;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;

namespace CivicsClass.Media.Tests.Uploads;

/// <summary>A site where each person may keep 300 KB and any file is at most 256 KB, so quotas and request limits are quick to reach.</summary>
public sealed class QuotaSiteHost<TProvider> : SiteHost<TProvider> where TProvider : IDatabaseProvider, new()
{
    public const long Quota = 300 * 1024;
    public const long Largest = 256 * 1024;

    protected override SiteFactory CreateFactory(TestDatabase database) => new(database, new Dictionary<string, string?>
    {
        ["Media:UserQuotaBytes"] = Quota.ToString(CultureInfo.InvariantCulture),
        ["Media:MaxImageBytes"] = Largest.ToString(CultureInfo.InvariantCulture),
        ["Media:MaxAudioBytes"] = Largest.ToString(CultureInfo.InvariantCulture),
        ["Media:MaxVideoBytes"] = Largest.ToString(CultureInfo.InvariantCulture),
        ["Media:MaxDocumentBytes"] = Largest.ToString(CultureInfo.InvariantCulture),
    });
}
