using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>
/// Study sessions nothing reads any more, past <see cref="MaintenanceOptions.RetentionHours"/>. A worker's current session
/// (neither superseded nor completed) is never removed: there is at most one per worker, and a window left open may still
/// complete it whenever. Rows a request holds (a completion being repeated) are skipped on PostgreSQL, not waited for.
/// </summary>
internal abstract class StudySessionSweep(IDocumentStore store, IOptions<MaintenanceOptions> options) : IExpiredDataSweep
{
    public abstract string Name { get; }

    public abstract string Label { get; }

    /// <summary>Which sessions (aliased <c>s</c>) have expired, given <c>@cutoff</c>.</summary>
    protected abstract string Where { get; }

    public async Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var cutoff = now.AddHours(-options.Value.RetentionHours);
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        var removed = await connection.ExecuteAsync($"""
            DELETE FROM study_session WHERE id IN (
                SELECT s.id FROM study_session s WHERE {Where} LIMIT @limit{session.Dialect.SkipLocked})
            """, new { cutoff, limit }, transaction);
        await session.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
