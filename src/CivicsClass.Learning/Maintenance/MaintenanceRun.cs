namespace CivicsClass.Learning.Maintenance;

/// <summary>One maintenance task: when a node last took it on, when that run finished, what it removed and why it failed.</summary>
public sealed class MaintenanceRun
{
    public string Name { get; init; } = "";
    public DateTime? LastRunUtc { get; init; }
    public DateTime? FinishedUtc { get; init; }
    public long LastRemoved { get; init; }
    public string? LastError { get; init; }
}
