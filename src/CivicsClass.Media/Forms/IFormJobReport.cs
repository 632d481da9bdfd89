namespace CivicsClass.Media.Forms;

/// <summary>The lessons' form jobs as administrators see them, so that no other module reads their table.</summary>
public interface IFormJobReport
{
    /// <summary>How many jobs each kind has in each state (superseded ones left out), and the newest jobs that are not done, newest first.</summary>
    Task<FormJobSummary> ReadAsync(int take);
}

public sealed record FormJobSummary(IReadOnlyList<FormJobCount> Counts, IReadOnlyList<FormJobEntry> Open);

public sealed record FormJobCount(string Kind, string State, long Jobs);

public sealed record FormJobEntry(long Id, string ContentItemId, string Kind, string State, int Attempts, string? Error, DateTime CreatedUtc);
