namespace CivicsClass.Learning.Api;

/// <summary>An activity that pays today, and what it has paid so far.</summary>
internal sealed record DailyTask(string Activity, string Name, int Points, int Today, int? DailyCap);
