namespace CivicsClass.Learning.Analytics;

public sealed record LearningReport(
    IReadOnlyList<(int Day, long Studies)> PerDay,
    IReadOnlyList<Counted> TopLessons,
    IReadOnlyList<Counted> Themes,
    IReadOnlyList<(string? Id, long Studies, long Learners)> Regions,
    IReadOnlyList<(string? Id, long Studies, long Learners)> Organisations,
    IReadOnlyList<(string Query, long Times)> Misses,
    long Learners,
    long ActiveLearners);
