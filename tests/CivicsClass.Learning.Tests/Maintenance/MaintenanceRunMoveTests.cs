using CivicsClass.Data.Jobs;
using CivicsClass.Data.Migrations;
using CivicsClass.Learning.Maintenance;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Learning.Tests.Maintenance;

/// <summary>A site upgraded from the expired-data job's own claims table keeps its last run, now in the shared job table.</summary>
public abstract class MaintenanceRunMoveTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Upgrade_MaintenanceRunRows_BecomeTheJobsLastRun_AndTheTableGoes()
    {
        await using var site = await TestSite.CreateAsync(new TProvider());
        var started = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        await using (var session = site.CreateSession())
        {
            // The schema as Learning's step 8 left it: the table back with two tasks' last runs, one of them failed.
            var (connection, transaction) = await session.BeginWriteAsync();
            var d = session.Dialect;
            await connection.ExecuteAsync($"""
                CREATE TABLE maintenance_run (name {d.Text} NOT NULL PRIMARY KEY, last_run_utc {d.Timestamp} NULL, finished_utc {d.Timestamp} NULL,
                    last_removed {d.BigInt} NOT NULL, last_error {d.Text} NULL);
                INSERT INTO maintenance_run (name, last_run_utc, finished_utc, last_removed, last_error) VALUES
                    ('study-session-completed', @started, @finished, 12, NULL),
                    ('study-session-superseded', @started, @finished, 0, 'deadlock detected');
                UPDATE migration_record SET step = 8 WHERE module = 'Learning';
                """, new { started, finished = started.AddSeconds(3) }, transaction);
            await session.SaveChangesAsync();
        }

        var applied = await site.Services.GetRequiredService<MigrationRunner>().RunAsync();
        var run = (await site.Services.GetRequiredService<IJobReport>().ReadAsync()).Single(r => r.Name == ExpiredDataCleanup.JobName);
        bool tableLeft;
        await using (var connection = await site.Services.GetRequiredService<Data.Dialects.ISqlDialect>().OpenConnectionAsync())
        {
            tableLeft = await site.Services.GetRequiredService<Data.Dialects.ISqlDialect>().TableExistsAsync(connection, "maintenance_run");
        }

        Assert.Equal(1, applied);
        Assert.False(tableLeft);
        Assert.Equal(started, run.StartedUtc);
        Assert.Equal(started.AddSeconds(3), run.FinishedUtc);
        Assert.Equal(JobOutcomes.Failed, run.Outcome);
        Assert.Equal(12, ExpiredDataCleanup.Removed(run.Note)["study-session-completed"]);
        Assert.Contains("study-session-superseded failed after 0: deadlock detected", run.Note);
        Assert.Null(run.LeaseUntilUtc);
    }
}

public sealed class SqliteMaintenanceRunMoveTests : MaintenanceRunMoveTests<Sqlite>;

public sealed class PostgresMaintenanceRunMoveTests : MaintenanceRunMoveTests<Postgres>;
