namespace CivicsClass.Learning.Leaderboards;

/// <summary>A board; <paramref name="CountedUtc"/> is when the roll-up behind "my rank" or the groups was counted (null: counted now).</summary>
public sealed record Board(string Period, IReadOnlyList<BoardEntry> Entries, BoardEntry? Me, DateTime? CountedUtc = null);
