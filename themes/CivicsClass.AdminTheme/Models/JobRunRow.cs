namespace CivicsClass.AdminTheme.Models;

/// <summary>A background job as the jobs page lists it: its last run, the node that made it and how it ended.</summary>
public sealed record JobRunRow(string Name, string Job, string Scope, string Node, string LastRun, string Finished, string State, string? Note);
