namespace CivicsClass.Content.Reports;

/// <summary>Something searched or studied this week, against its weekly average over the four weeks before.</summary>
public sealed record Trend(string Key, string Name, long ThisWeek, double WeeklyBefore)
{
    /// <summary>How much more than before: this week less the weekly average.</summary>
    public double Rise => ThisWeek - WeeklyBefore;
}
