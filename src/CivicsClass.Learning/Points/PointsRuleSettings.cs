using System.Globalization;
using CivicsClass.Learning.Quizzes;

namespace CivicsClass.Learning.Points;

/// <summary>
/// The values each rule setting may take, so a rule that is saved can always be applied: a page, a
/// heartbeat or a check-in never meets a setting it cannot use.
/// </summary>
internal static class PointsRuleSettings
{
    private sealed record Range(double Min, double Max, bool Whole, double Default);

    private static readonly Dictionary<string, Range> s_ranges = new(StringComparer.Ordinal)
    {
        ["MinSeconds"] = new(0, 3_600, true, 30),
        ["SecondsPerMinute"] = new(0, 600, false, 20),
        ["MaxSeconds"] = new(0, 14_400, true, 600),
        ["MinProgress"] = new(0, 1, false, 0.8),
        ["MaxPlaybackRate"] = new(1, 16, false, 2),
        ["MaxGapSeconds"] = new(10, 3_600, true, 90),
        ["PassRatio"] = new(0.1, 1, false, 0.8),
        ["DailyAttempts"] = new(1, 100, true, QuizService.DefaultDailyAttempts),
        ["Questions"] = new(1, 50, true, 5),
        ["CodeSeconds"] = new(10, 3_600, true, 60),
        ["WindowMinutes"] = new(0, 1_440, true, 60),
        ["Days"] = new(1, 365, true, 7),
    };

    /// <summary>Adds the problems with a rule's settings to <paramref name="errors"/>, keyed <c>Settings.{name}</c>.</summary>
    public static void Validate(PointsRule rule, IReadOnlyCollection<string> known, Dictionary<string, string> errors)
    {
        foreach (var (name, value) in rule.Settings)
        {
            if (!known.Contains(name))
            {
                errors[$"Settings.{name}"] = $"活动 {rule.Name} 没有条件“{name}”";
            }
            else if (!double.IsFinite(value))
            {
                errors[$"Settings.{name}"] = "须是数字";
            }
            else if (s_ranges.GetValueOrDefault(name) is { } range && (value < range.Min || value > range.Max))
            {
                errors[$"Settings.{name}"] = $"须在 {Number(range.Min)} 到 {Number(range.Max)} 之间";
            }
            else if (s_ranges.GetValueOrDefault(name) is { Whole: true } && value != Math.Floor(value))
            {
                errors[$"Settings.{name}"] = "须是整数";
            }
            else if (value < 0)
            {
                errors[$"Settings.{name}"] = "条件的值不能为负数";
            }
        }

        // A setting left empty takes its default, so the order is checked against what will apply.
        if (rule.Name == Activities.StudyText && !errors.ContainsKey("Settings.MinSeconds") && !errors.ContainsKey("Settings.MaxSeconds")
            && Effective(rule, "MinSeconds") > Effective(rule, "MaxSeconds"))
        {
            errors["Settings.MinSeconds"] = $"最短学习时间（{Number(Effective(rule, "MinSeconds"))} 秒）不能超过最长学习时间（{Number(Effective(rule, "MaxSeconds"))} 秒）";
        }
    }

    private static double Effective(PointsRule rule, string name) => rule.Setting(name, s_ranges[name].Default);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
