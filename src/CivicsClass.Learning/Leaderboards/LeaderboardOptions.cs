namespace CivicsClass.Learning.Leaderboards;

public sealed class LeaderboardOptions
{
    /// <summary>How often the current periods are rolled up.</summary>
    public int RollupSeconds { get; set; } = 60;

    /// <summary>
    /// Below this many learners a board is counted from the running totals on every request, which
    /// costs well under a millisecond; from here on "my rank" and the group boards read the roll-up.
    /// </summary>
    public int ExactBelow { get; set; } = 20_000;
}
