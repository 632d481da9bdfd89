namespace CivicsClass.Learning.Leaderboards;

/// <summary>
/// A board; <paramref name="CountedUtc"/> is when the roll-up behind "my rank" or the groups was counted (null: counted now);
/// <paramref name="MeNamed"/> whether I chose to be named on the people board (my place is shown to me either way).
/// </summary>
public sealed record Board(string Period, IReadOnlyList<BoardEntry> Entries, BoardEntry? Me, DateTime? CountedUtc = null, bool MeNamed = false);
