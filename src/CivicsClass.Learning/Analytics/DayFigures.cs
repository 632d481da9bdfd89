namespace CivicsClass.Learning.Analytics;

/// <summary>One China day: lessons studied to the end, learners who studied, points earned, searches, searches that found nothing, topics asked for.</summary>
public sealed record DayFigures(DateOnly Date, long Studies, long Learners, long Points, long Searches, long Misses, long Requests);
