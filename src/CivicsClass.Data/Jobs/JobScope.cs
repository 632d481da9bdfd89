namespace CivicsClass.Data.Jobs;

/// <summary>Where an <see cref="IntervalJob"/> runs when several nodes share one database.</summary>
public enum JobScope
{
    /// <summary>
    /// One node of the farm per interval: the run is claimed in <c>job_claim</c> for a lease, which the
    /// runner renews while it works, so a crashed node's claim runs out and another node takes the job on.
    /// </summary>
    OneNode,

    /// <summary>
    /// Every node, each on its own schedule: for work that is the node's own (counts in its memory) or that
    /// claims its rows one by one (<c>FOR UPDATE SKIP LOCKED</c>), where more nodes simply share the rows.
    /// </summary>
    EveryNode,
}
