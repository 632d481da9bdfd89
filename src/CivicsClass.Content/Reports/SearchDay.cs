namespace CivicsClass.Content.Reports;

/// <summary>One China day's searches, and how many of them found nothing.</summary>
public sealed record SearchDay(int Day, long Searches, long Misses);
