namespace CivicsClass.Data.Jobs;

/// <summary>
/// This process's name in <c>job_claim</c>: the machine, the process and a random part, so two
/// processes on one machine (or two sites in one test) never pass for one node.
/// </summary>
public sealed class JobNode
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
