namespace CivicsClass.Learning.Api;

/// <summary>A leaderboard, with my place on it.</summary>
internal sealed record Leaderboard(string Board, string Period, IReadOnlyList<Ranked> Entries, Ranked? Me, DateTime? CountedUtc);
