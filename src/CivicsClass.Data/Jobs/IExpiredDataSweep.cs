namespace CivicsClass.Data.Jobs;

/// <summary>
/// A module's share of the expired-data job: removes rows of its own tables that nothing reads any more. The job
/// calls <see cref="RemoveBatchAsync"/> until a batch comes back smaller than asked, each batch its own short transaction, so no
/// statement holds its locks for long; the module decides what has expired, with retentions from its settings.
/// </summary>
public interface IExpiredDataSweep
{
    /// <summary>A stable name, for the job's note and the log ("sign-in-session").</summary>
    string Name { get; }

    /// <summary>What it removes, as administrators read it on the jobs page.</summary>
    string Label { get; }

    /// <summary>
    /// Removes a batch of what had expired at <paramref name="now"/>: at most <paramref name="limit"/> rows, or groups where rows only
    /// go together (a token family); returns how many rows went.
    /// </summary>
    Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken);
}
