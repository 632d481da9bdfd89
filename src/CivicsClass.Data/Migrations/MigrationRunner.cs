using CivicsClass.Data.Dialects;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Data.Migrations;

/// <summary>
/// Brings every module's schema up to date in one transaction, under a lock so that nodes starting
/// together do not race. A failing step rolls everything back and stops the start-up.
/// </summary>
public sealed class MigrationRunner(ISqlDialect dialect, IEnumerable<IDataMigration> migrations, ILogger<MigrationRunner> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var createRecordTable = $"""
            CREATE TABLE IF NOT EXISTS migration_record (
                module {dialect.Text} NOT NULL PRIMARY KEY,
                step {dialect.Int} NOT NULL,
                applied_utc {dialect.Timestamp} NOT NULL)
            """;
        const string readSteps = "SELECT module, step FROM migration_record";
        const string recordStep = """
            INSERT INTO migration_record (module, step, applied_utc) VALUES (@module, @step, @now)
            ON CONFLICT (module) DO UPDATE SET step = excluded.step, applied_utc = excluded.applied_utc
            """;

        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockForMigrationAsync(connection, transaction);
        await connection.ExecuteAsync(createRecordTable, transaction: transaction);

        var applied = (await connection.QueryAsync<MigrationRecord>(readSteps, transaction: transaction))
            .ToDictionary(r => r.Module, r => r.Step);
        var context = new MigrationContext(connection, transaction, dialect);
        var count = 0;
        foreach (var migration in migrations.OrderBy(m => m.Module == CoreMigrations.ModuleName ? 0 : 1).ThenBy(m => m.Module, StringComparer.Ordinal))
        {
            var current = applied.GetValueOrDefault(migration.Module);
            foreach (var step in migration.Steps.Where(s => s.Number > current).OrderBy(s => s.Number))
            {
                logger.LogInformation("Applying migration {Module} step {Step}", migration.Module, step.Number);
                await step.ApplyAsync(context);
                await connection.ExecuteAsync(recordStep, new { module = migration.Module, step = step.Number, now = DateTime.UtcNow }, transaction);
                count++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>The last step applied per module; empty before the first run.</summary>
    public async Task<IReadOnlyDictionary<string, int>> AppliedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        if (!await dialect.TableExistsAsync(connection, "migration_record"))
        {
            return new Dictionary<string, int>();
        }

        var rows = await connection.QueryAsync<MigrationRecord>("SELECT module, step FROM migration_record");
        return rows.ToDictionary(r => r.Module, r => r.Step);
    }

    private sealed class MigrationRecord
    {
        public string Module { get; init; } = "";
        public int Step { get; init; }
    }
}
