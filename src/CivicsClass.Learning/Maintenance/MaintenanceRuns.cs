using Dapper;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.Maintenance;

/// <summary>The <c>maintenance_run</c> table: a row per task, claimed once per interval by one node.</summary>
public static class MaintenanceRuns
{
    /// <summary>
    /// Takes the task on for this interval when its last run started at or before <paramref name="due"/>.
    /// The start is stamped and committed at once, so other nodes see it as done for the interval;
    /// on PostgreSQL a node that finds the row being claimed skips it instead of waiting.
    /// </summary>
    public static async Task<bool> ClaimAsync(ISession session, string name, DateTime now, DateTime due)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("INSERT INTO maintenance_run (name, last_removed) VALUES (@name, 0) ON CONFLICT DO NOTHING", new { name }, transaction);
        var claimed = await connection.QueryFirstOrDefaultAsync<string>(
            $"SELECT name FROM maintenance_run WHERE name = @name AND (last_run_utc IS NULL OR last_run_utc <= @due){session.Dialect.SkipLocked}",
            new { name, due }, transaction);
        if (claimed is null)
        {
            return false; // ran within the interval, or another node is claiming it
        }

        await connection.ExecuteAsync("UPDATE maintenance_run SET last_run_utc = @now WHERE name = @name", new { name, now }, transaction);
        await session.SaveChangesAsync();
        return true;
    }

    public static async Task FinishAsync(ISession session, string name, DateTime finishedUtc, long removed, string? error)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE maintenance_run SET finished_utc = @finishedUtc, last_removed = @removed, last_error = @error WHERE name = @name",
            new { name, finishedUtc, removed, error }, transaction);
        await session.SaveChangesAsync();
    }

    public static async Task<IReadOnlyList<MaintenanceRun>> ListAsync(ISession session)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<MaintenanceRun>("""
            SELECT name AS Name, last_run_utc AS LastRunUtc, finished_utc AS FinishedUtc, last_removed AS LastRemoved, last_error AS LastError
            FROM maintenance_run ORDER BY name
            """, transaction: transaction)).ToList();
    }
}
