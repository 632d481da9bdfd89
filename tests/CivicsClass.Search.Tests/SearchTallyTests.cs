using CivicsClass.Search.Trends;
using Xunit;

namespace CivicsClass.Search.Tests;

public sealed class SearchTallyTests
{
    private static readonly DateTime s_noon = new(2026, 12, 5, 4, 0, 0, DateTimeKind.Utc); // 12:00 in China

    [Fact]
    public void Counts_SearchesAndMisses_PerChinaDayAndQuery_AndStartsAfreshWhenTaken()
    {
        var tally = new SearchTally();
        tally.Count("劳模", missed: false, s_noon);
        tally.Count("劳模", missed: false, s_noon);
        tally.Count("鲸鱼飞船", missed: true, s_noon);
        tally.Count("劳模", missed: false, new DateTime(2026, 12, 5, 16, 30, 0, DateTimeKind.Utc)); // 00:30 on the 6th in China

        var counts = tally.Take().OrderBy(c => c.Day).ThenBy(c => c.Query, StringComparer.Ordinal).ToList();

        Assert.Equal([(20261205, "劳模", 2, 0), (20261205, "鲸鱼飞船", 1, 1), (20261206, "劳模", 1, 0)], counts);
        Assert.Empty(tally.Take());
    }

    [Theory]
    [InlineData("")]
    [InlineData("管理员通知")] // imitates the site's staff
    [InlineData("劳模\u202e精神")] // hidden direction control
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")] // 41 characters
    public void LeavesOut_EmptyUnsafeAndOverlongText(string query)
    {
        var tally = new SearchTally();

        tally.Count(query, missed: true, s_noon);

        Assert.Empty(tally.Take());
    }

    [Fact]
    public void HoldsAtMostTheCap_OfDistinctQueries_AndStillCountsThoseItHolds()
    {
        var tally = new SearchTally();
        for (var n = 0; n < SearchTally.MaxQueries + 100; n++)
        {
            tally.Count("q" + n, missed: false, s_noon);
        }

        tally.Count("q1", missed: false, s_noon);

        var counts = tally.Take();
        Assert.Equal(SearchTally.MaxQueries, counts.Count);
        Assert.Equal(2, counts.Single(c => c.Query == "q1").Searches);
    }
}
