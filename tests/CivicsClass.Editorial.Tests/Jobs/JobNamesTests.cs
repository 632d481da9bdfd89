using System.Globalization;
using CivicsClass.AdminTheme;
using CivicsClass.Editorial.Jobs;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace CivicsClass.Editorial.Tests.Jobs;

/// <summary>The jobs page names leaderboard periods and lesson forms from the admin's texts, in Chinese first and in English.</summary>
public sealed class JobNamesTests
{
    private static readonly IStringLocalizer s_text =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(AdminText));

    [Theory]
    [InlineData("zh-CN", "d20261205", "2026年12月5日（日榜）")]
    [InlineData("zh-CN", "w20261130", "2026年11月30日起的一周（周榜）")]
    [InlineData("zh-CN", "all", "总榜")]
    [InlineData("zh-CN", "d2026", "d2026")] // not a period the site makes: shown as it is
    [InlineData("en", "d20261205", "Day of 2026-12-05")]
    [InlineData("en", "w20261130", "Week from 2026-11-30")]
    [InlineData("en", "all", "All time")]
    public void PeriodName_LeaderboardPeriods_ReadInTheVisitorsLanguage(string culture, string period, string expected)
    {
        var name = In(culture, () => JobNames.PeriodName(s_text, period));

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("zh-CN", "narration", "failed", "语音朗读", "失败")]
    [InlineData("en", "mindmap", "unavailable", "Mind map", "This server lacks the tool")]
    [InlineData("en", "slides", "queued", "slides", "queued")] // kinds and states the page does not know are shown as stored
    public void FormNames_KindAndState_ReadInTheVisitorsLanguage(string culture, string kind, string state, string expectedKind, string expectedState)
    {
        var (kindName, stateName) = In(culture, () => (JobNames.FormKindName(s_text, kind), JobNames.FormStateName(s_text, state)));

        Assert.Equal((expectedKind, expectedState), (kindName, stateName));
    }

    /// <summary>Reads under the cultures request localisation would set for a visitor of <paramref name="culture"/>.</summary>
    private static T In<T>(string culture, Func<T> read)
    {
        var (was, wasUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (was, wasUi);
        }
    }
}
