namespace CivicsClass.Data.Jobs;

/// <summary>
/// A job's row in <c>job_claim</c>: the node that last took it on and, while it runs, until when it holds it;
/// when that run started and finished, whether it worked (<see cref="JobOutcomes"/>) and what it said.
/// </summary>
public sealed record JobRun(string Name, string? Node, DateTime? LeaseUntilUtc, DateTime? StartedUtc, DateTime? FinishedUtc, string? Outcome, string? Note);
