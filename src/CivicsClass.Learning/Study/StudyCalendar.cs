using System.Globalization;

namespace CivicsClass.Learning.Study;

/// <summary>
/// Study days are dates in China Standard Time (UTC+8 all year, no daylight saving) taken from the
/// server's clock; a client's clock is never asked. Weeks start on Monday. Days are kept as
/// <c>yyyymmdd</c> integers and leaderboard periods as <c>d20261121</c>, <c>w20261116</c> and <c>all</c>.
/// </summary>
public static class StudyCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public const string AllTime = "all";

    public static DateOnly Date(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    public static int Day(DateTime utc) => ToInt(Date(utc));

    public static int ToInt(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DateOnly FromInt(int day) => new(day / 10000, day / 100 % 100, day % 100);

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static string DayPeriod(int day) => "d" + day.ToString(CultureInfo.InvariantCulture);

    public static string WeekPeriod(int day) => "w" + ToInt(WeekStart(FromInt(day))).ToString(CultureInfo.InvariantCulture);

    /// <summary>The leaderboard period that holds <paramref name="utc"/>: <c>day</c>, <c>week</c> or <c>all</c>.</summary>
    public static string? Period(string name, DateTime utc) => name switch
    {
        "day" => DayPeriod(Day(utc)),
        "week" => WeekPeriod(Day(utc)),
        "all" => AllTime,
        _ => null,
    };

    /// <summary>The first instant of a study day, in UTC.</summary>
    public static DateTime StartUtc(int day) => FromInt(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;
}
