using System.Globalization;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>
/// Removes rows that nothing reads any more, every few minutes, on one node of a farm (<see cref="JobScope.OneNode"/>: the
/// run is claimed in <c>job_claim</c>, since two nodes deleting the same rows would only wait on each other). Each module
/// contributes what it keeps too long as an <see cref="IExpiredDataSweep"/> over its own tables, with its own retentions;
/// this job only calls them, in batches, each its own short transaction. One sweep failing does not stop the others;
/// the run is then recorded as failed with every sweep's count and error in its note.
/// Check-in codes need nothing here: they are signed, not stored.
/// </summary>
public sealed class ExpiredDataCleanup(IEnumerable<IExpiredDataSweep> sweeps, JobClaims claims, TimeProvider clock, IOptions<MaintenanceOptions> options, ILogger<ExpiredDataCleanup> logger)
    : IntervalJob(claims, clock, logger)
{
    public const string JobName = "expired-data";

    private const string Separator = "; ";

    public override string Name => JobName;

    public override JobScope Scope => JobScope.OneNode;

    public override string Label => "过期数据清理";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(10, options.Value.IntervalSeconds));

    protected override string Description => "Removing expired data";

    /// <summary>
    /// Runs every sweep when the job is due (at once when <paramref name="force"/>d) and no other node holds it; returns the rows
    /// removed per sweep, or nothing when the run was not this node's to make.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> RunAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, long> removed = new Dictionary<string, long>();
        await RunClaimedAsync(force, async token =>
        {
            var (done, note, failed) = await SweepAsync(token);
            removed = done;
            return failed ? throw new ExpiredDataException(note) : note;
        }, cancellationToken);
        return removed;
    }

    /// <summary>The rows each sweep removed, read back from a run's note (<c>daily-quiz-draw=12; quiz-attempt=0</c>).</summary>
    public static IReadOnlyDictionary<string, long> Removed(string? note) =>
        (note ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .GroupBy(pair => pair[0])
            .ToDictionary(g => g.Key, g => long.Parse(g.First()[1], CultureInfo.InvariantCulture));

    protected override async Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
    {
        var (_, note, failed) = await SweepAsync(cancellationToken);
        return failed ? throw new ExpiredDataException(note) : note;
    }

    private async Task<(IReadOnlyDictionary<string, long> Removed, string Note, bool Failed)> SweepAsync(CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var done = new Dictionary<string, long>();
        var notes = new List<string>();
        var failed = false;
        foreach (var sweep in sweeps)
        {
            long removed = 0;
            try
            {
                int batch;
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    batch = await sweep.RemoveBatchAsync(Clock.GetUtcNow().UtcDateTime, batchSize, cancellationToken);
                    removed += batch;
                }
                while (batch >= batchSize);
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{sweep.Name}={removed}"));
                SiteMetrics.Job(sweep.Name, done: true, removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed = true;
                notes.Add($"{sweep.Name} failed after {removed}: {e.Message}");
                SiteMetrics.Job(sweep.Name, done: false);
                logger.LogError(e, "Removing expired data ({Sweep}) failed after {Removed} rows; it is tried again at the next interval", sweep.Name, removed);
            }

            done[sweep.Name] = removed;
        }

        return (done, string.Join(Separator, notes), failed);
    }
}
