namespace CivicsClass.Learning.Api;

/// <summary>A ledger entry.</summary>
internal sealed record Entry(long Id, string Activity, int Points, string? SourceId, DateTime CreatedUtc, int StudyDay, string? Reason);
