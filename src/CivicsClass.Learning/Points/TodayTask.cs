namespace CivicsClass.Learning.Points;

/// <summary>One activity as the learner sees it today: what it pays, what it has paid today, and its cap.</summary>
public sealed record TodayTask(string Activity, string Name, string? Description, int Points, int Today, int? DailyCap);
