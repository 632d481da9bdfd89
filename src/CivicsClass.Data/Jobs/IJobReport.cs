namespace CivicsClass.Data.Jobs;

/// <summary>What the background jobs last did, for the administrators' jobs page, without naming the table it lives in.</summary>
public interface IJobReport
{
    /// <summary>Every job that has run (or been claimed) on any node, by name.</summary>
    Task<IReadOnlyList<JobRun>> ReadAsync(CancellationToken cancellationToken = default);
}
