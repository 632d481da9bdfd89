namespace CivicsClass.Learning.Leaderboards;

/// <summary>What the last roll-up of a period counted, and when.</summary>
public sealed class RollupState
{
    public string Period { get; init; } = "";

    /// <summary>Learners with points in the period.</summary>
    public long Learners { get; init; }

    /// <summary>Every learner, with points or not: what a group board adds up.</summary>
    public long Members { get; init; }

    public DateTime RolledUtc { get; init; }
}
