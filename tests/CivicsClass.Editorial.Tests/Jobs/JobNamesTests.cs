using CivicsClass.Editorial;
using Xunit;

namespace CivicsClass.Web.Tests.Admin;

public sealed class PeriodNameTests
{
    [Theory]
    [InlineData("d20261205", "2026年12月5日（日榜）")]
    [InlineData("w20261130", "2026年11月30日起的一周（周榜）")]
    [InlineData("all", "总榜")]
    [InlineData("d2026", "d2026")] // not a period the site makes: shown as it is
    public void PeriodName_LeaderboardPeriods_ReadAsChinese(string period, string expected)
    {
        Assert.Equal(expected, JobsController.PeriodName(period));
    }
}
