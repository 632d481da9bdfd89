namespace CivicsClass.Data.Jobs;

/// <summary>This process as <c>job_claim</c> knows it: its name and the lease its one-node runs hold (<see cref="JobOptions"/>).</summary>
public sealed class JobNode(JobOptions? options = null)
{
    public string Name { get; } = options?.Node?.Trim() is { Length: > 0 } name
        ? name
        : $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";

    public TimeSpan Lease { get; } = TimeSpan.FromSeconds(options?.LeaseSeconds ?? new JobOptions().LeaseSeconds);
}
