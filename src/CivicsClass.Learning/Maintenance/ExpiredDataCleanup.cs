using Dapper;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>
/// Removes study sessions that nothing reads any more, every few minutes, on one node of several
/// (each task is claimed in <see cref="MaintenanceRuns"/>). Rows go in batches, each its own short
/// transaction. A worker's current session (neither superseded nor completed) is never removed:
/// there is at most one per worker, and a window left open may still complete it whenever.
/// Check-in codes need nothing here: they are signed, not stored.
/// </summary>
public sealed class ExpiredDataCleanup(IDocumentStore store, TimeProvider clock, IOptions<MaintenanceOptions> options, ILogger<ExpiredDataCleanup> logger)
    : IntervalJob(clock, logger)
{
    public const string SupersededSessions = "study-session-superseded";
    public const string CompletedSessions = "study-session-completed";

    private static readonly (string Name, string Where)[] s_tasks =
    [
        // A superseded session can only answer "superseded" to the window still showing it, so it is
        // kept until the session that superseded it (the worker's next one) is past retention.
        (SupersededSessions, """
            s.superseded = TRUE AND s.completed_utc IS NULL AND s.opened_utc < @cutoff
            AND EXISTS (SELECT 1 FROM study_session n WHERE n.user_id = s.user_id AND n.opened_utc > s.opened_utc AND n.opened_utc < @cutoff)
            """),
        // A completed session only gives a repeated completion its first answer; the points, progress,
        // study days and certificates it earned live in their own tables.
        (CompletedSessions, "s.completed_utc < @cutoff"),
    ];

    /// <summary>Runs each task that is due (every one when forced) and not claimed elsewhere; returns the rows removed per task run here.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RunAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var done = new Dictionary<string, long>();
        foreach (var (name, where) in s_tasks)
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            await using (var session = store.CreateSession())
            {
                if (!await MaintenanceRuns.ClaimAsync(session, name, now, force ? now : now.AddSeconds(-settings.IntervalSeconds)))
                {
                    continue;
                }
            }

            var cutoff = now.AddHours(-settings.RetentionHours);
            long removed = 0;
            string? error = null;
            try
            {
                int batch;
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    batch = await RemoveBatchAsync(where, cutoff, settings.BatchSize);
                    removed += batch;
                }
                while (batch == settings.BatchSize);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message;
                logger.LogError(e, "Removing expired data ({Task}) failed after {Removed} rows; it is tried again at the next interval", name, removed);
            }

            await using (var session = store.CreateSession())
            {
                await MaintenanceRuns.FinishAsync(session, name, Clock.GetUtcNow().UtcDateTime, removed, error);
            }

            SiteMetrics.Job(name, done: error is null, error is null ? removed : 1);
            done[name] = removed;
        }

        return done;
    }

    private async Task<int> RemoveBatchAsync(string where, DateTime cutoff, int limit)
    {
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync();
        // Rows a request holds (a completion being repeated) are skipped on PostgreSQL, not waited for.
        var removed = await connection.ExecuteAsync($"""
            DELETE FROM study_session WHERE id IN (
                SELECT s.id FROM study_session s WHERE {where} LIMIT @limit{session.Dialect.SkipLocked})
            """, new { cutoff, limit }, transaction);
        await session.SaveChangesAsync();
        return removed;
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(10, options.Value.IntervalSeconds));

    protected override string Description => "Removing expired data";

    protected override Task RunOnceAsync(bool asked, CancellationToken cancellationToken) => RunAsync(force: asked, cancellationToken);
}
