namespace CivicsClass.Learning.Points;

/// <summary>An activity to pay for. <paramref name="Key"/> is unique for all time: the same key never pays twice.</summary>
public sealed record Award(long UserId, string Activity, string? SourceId, string Key, int Points, string? Reference = null);
