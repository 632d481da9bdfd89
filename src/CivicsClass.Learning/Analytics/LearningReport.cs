using CivicsClass.Content.Reports;

namespace CivicsClass.Learning.Analytics;

/// <summary>What workers studied, searched for and asked for over a span of days; every day of the span has a figure, zero included.</summary>
public sealed record LearningReport(
    IReadOnlyList<DayFigures> Days,
    IReadOnlyList<Counted> TopLessons,
    IReadOnlyList<Counted> Themes,
    IReadOnlyList<Counted> Industries,
    IReadOnlyList<(string? Id, long Studies, long Learners)> Regions,
    IReadOnlyList<(string? Id, long Studies, long Learners)> Organisations,
    IReadOnlyList<(string Query, long Times)> Misses,
    IReadOnlyList<Trend> RisingLessons,
    IReadOnlyList<Trend> RisingSearches,
    long Learners,
    long ActiveLearners);
