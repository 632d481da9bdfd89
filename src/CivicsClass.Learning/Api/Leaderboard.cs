namespace CivicsClass.Learning.Api;

/// <summary>A leaderboard, with my place on it; on the people board, whether I chose to be named there (<paramref name="MeNamed"/>).</summary>
internal sealed record Leaderboard(string Board, string Period, IReadOnlyList<Ranked> Entries, Ranked? Me, DateTime? CountedUtc, bool? MeNamed = null);
