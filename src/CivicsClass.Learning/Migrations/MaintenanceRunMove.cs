using CivicsClass.Data.Jobs;
using CivicsClass.Data.Migrations;
using CivicsClass.Learning.Maintenance;
using Dapper;

namespace CivicsClass.Learning.Migrations;

/// <summary>
/// The expired-data job kept its own claims in <c>maintenance_run</c>, a row per task; it now runs in the shared job runner as one
/// job. Its last run moves to <c>job_claim</c> as that job's last run (the latest start and finish, the tasks' counts and errors
/// in its note, as the job writes them now), and the table goes.
/// </summary>
internal static class MaintenanceRunMove
{
    public static async Task ApplyAsync(MigrationContext context)
    {
        var rows = (await context.Connection.QueryAsync<Row>(
            "SELECT name AS Name, last_run_utc AS LastRunUtc, finished_utc AS FinishedUtc, last_removed AS LastRemoved, last_error AS LastError FROM maintenance_run ORDER BY name",
            transaction: context.Transaction)).ToList();
        if (rows.Count > 0 && rows.Max(r => r.LastRunUtc) is { } started)
        {
            var failed = rows.Any(r => r.LastError is not null);
            var note = string.Join("; ", rows.Select(r => r.LastError is null ? $"{r.Name}={r.LastRemoved}" : $"{r.Name} failed after {r.LastRemoved}: {r.LastError}"));
            await JobClaims.ImportAsync(context, new JobRun(ExpiredDataCleanup.JobName, null, null, started, rows.Max(r => r.FinishedUtc),
                failed ? JobOutcomes.Failed : JobOutcomes.Done, note));
        }

        await context.ExecuteAsync("DROP TABLE maintenance_run");
    }

    private sealed class Row
    {
        public string Name { get; init; } = "";
        public DateTime? LastRunUtc { get; init; }
        public DateTime? FinishedUtc { get; init; }
        public long LastRemoved { get; init; }
        public string? LastError { get; init; }
    }
}
