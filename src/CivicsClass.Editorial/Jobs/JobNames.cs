using System.Globalization;
using CivicsClass.Media.Forms;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Editorial.Jobs;

/// <summary>The identifiers the jobs page lists — leaderboard periods, lesson forms and their states — as people say them.</summary>
internal static class JobNames
{
    /// <summary>A leaderboard period: <c>d20261205</c> is 2026年12月5日（日榜）, <c>w…</c> the week from that day, <c>all</c> the all-time board.</summary>
    public static string PeriodName(IStringLocalizer text, string period) =>
        period.Length == 9 && period[0] is 'd' or 'w'
            && DateTime.TryParseExact(period[1..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? text[period[0] == 'd' ? "JobsPeriodDay" : "JobsPeriodWeek", date]
            : period == "all" ? text["JobsPeriodAll"] : period;

    public static string FormKindName(IStringLocalizer text, string kind) => kind switch
    {
        FormKinds.Narration => text["JobsFormNarration"],
        FormKinds.MindMap => text["JobsFormMindMap"],
        _ => kind,
    };

    public static string FormStateName(IStringLocalizer text, string state) => state switch
    {
        FormState.Pending => text["JobsFormPending"],
        FormState.Running => text["JobsFormRunning"],
        FormState.Ready => text["JobsFormReady"],
        FormState.Failed => text["JobsFormFailed"],
        FormState.Unavailable => text["JobsFormUnavailable"],
        _ => state,
    };
}
