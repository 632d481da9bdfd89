namespace CivicsClass.Learning.Leaderboards;

/// <summary>A period the roll-up keeps, how many learners its last run counted, and when that was (null: not yet).</summary>
public sealed record RollupProgress(string Period, long Learners, DateTime? RolledUtc);
