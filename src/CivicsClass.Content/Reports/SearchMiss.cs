namespace CivicsClass.Content.Reports;

/// <summary>A search that found nothing, as cleaned for the log, and how often it was made.</summary>
public sealed record SearchMiss(string Query, long Times);
