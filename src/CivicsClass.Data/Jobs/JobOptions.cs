namespace CivicsClass.Data.Jobs;

/// <summary>Bound from the <c>Jobs</c> configuration section: how this node appears in <c>job_claim</c> and how long its claims hold.</summary>
public sealed class JobOptions
{
    public const int MaxNodeLength = 100;

    /// <summary>
    /// This node's name on the jobs page ("web-1"); it must differ between the nodes of a farm. When unset: the machine,
    /// the process and a random part, so two processes on one machine never pass for one node.
    /// </summary>
    public string? Node { get; set; }

    /// <summary>How long a claimed one-node run holds its job before another node may take it over, in seconds; renewed every third of it.</summary>
    public int LeaseSeconds { get; set; } = 120;
}
