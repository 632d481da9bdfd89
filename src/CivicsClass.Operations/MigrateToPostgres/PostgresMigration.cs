using CivicsClass.Data.Dialects;
using CivicsClass.Data.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CivicsClass.Operations.MigrateToPostgres;

/// <summary>
/// Copies an embedded SQLite site into an empty PostgreSQL database: the same migrations make the
/// same schema there, then every table's rows follow in foreign-key order within one transaction,
/// identity sequences continue after the highest id, and each table's count is checked before
/// the transaction commits.
/// </summary>
internal sealed class PostgresMigration(ISqlDialect source, IEnumerable<IDataMigration> migrations, ILoggerFactory loggers)
{
    public sealed record TableCount(string Table, long Rows);

    public async Task<IReadOnlyList<TableCount>> RunAsync(string targetConnectionString, CancellationToken cancellationToken = default)
    {
        if (source.Name != "sqlite")
        {
            throw new OperationException("本站点已经使用 PostgreSQL，无需迁移。", "This site already runs on PostgreSQL; there is nothing to migrate.");
        }

        await new MigrationRunner(source, migrations, loggers.CreateLogger<MigrationRunner>()).RunAsync(cancellationToken);
        await using var target = new PostgresDialect(targetConnectionString);
        await RefuseNonEmptyAsync(target, cancellationToken);
        await new MigrationRunner(target, migrations, loggers.CreateLogger<MigrationRunner>()).RunAsync(cancellationToken);

        await using var reader = (SqliteConnection)await source.OpenConnectionAsync(cancellationToken);
        // One read transaction: every table is read as of the same moment, even if the site keeps running.
        await using var snapshot = reader.BeginTransaction(deferred: true);
        await using var writer = (NpgsqlConnection)await target.OpenConnectionAsync(cancellationToken);
        await using var transaction = await writer.BeginTransactionAsync(cancellationToken);
        var targetColumns = (await writer.QueryAsync<(string Table, string Column, string DataType)>(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()", transaction: transaction))
            .ToLookup(c => c.Table);

        var counts = new List<TableCount>();
        foreach (var table in await SqliteCatalog.TablesAsync(reader, snapshot))
        {
            var types = targetColumns[table.Name].ToDictionary(c => c.Column, c => c.DataType);
            var copied = await CopyAsync(reader, snapshot, writer, table, types, cancellationToken);
            var expected = await reader.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {SqliteCatalog.Quote(table.Name)}", transaction: snapshot);
            var landed = await writer.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {SqliteCatalog.Quote(table.Name)}", transaction: transaction);
            if (copied != expected || landed != expected)
            {
                throw new OperationException(
                    $"{table.Name} 的行数不符：SQLite {expected}，PostgreSQL {landed}；未提交任何数据。",
                    $"{table.Name} does not add up: {expected} rows in SQLite, {landed} in PostgreSQL; nothing was committed.");
            }

            counts.Add(new TableCount(table.Name, landed));
        }

        await ContinueIdentitiesAsync(reader, snapshot, writer, transaction, counts.Select(c => c.Table).ToHashSet());
        await transaction.CommitAsync(cancellationToken);
        await target.TidyAfterBulkWriteAsync(cancellationToken);
        return counts;
    }

    private static async Task RefuseNonEmptyAsync(PostgresDialect target, CancellationToken cancellationToken)
    {
        await using var connection = await target.OpenConnectionAsync(cancellationToken);
        var tables = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()");
        if (tables > 0)
        {
            throw new OperationException(
                $"目标 PostgreSQL 数据库不是空的（已有 {tables} 张表）：请指定一个新建的空数据库。",
                $"The target PostgreSQL database is not empty ({tables} tables): give a newly created, empty database.");
        }
    }

    private static async Task<long> CopyAsync(SqliteConnection reader, SqliteTransaction snapshot, NpgsqlConnection writer, SqliteCatalog.Table table,
        IReadOnlyDictionary<string, string> targetTypes, CancellationToken cancellationToken)
    {
        var missing = table.Columns.Where(c => !targetTypes.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new OperationException(
                $"PostgreSQL 中的 {table.Name} 缺少列 {string.Join(", ", missing)}：两边的结构不一致。",
                $"{table.Name} in PostgreSQL lacks the columns {string.Join(", ", missing)}: the two schemas differ.");
        }

        var types = table.Columns.Select(c => ColumnConverter.TypeOf(table.Name, c, targetTypes[c])).ToArray();
        var columns = string.Join(", ", table.Columns.Select(SqliteCatalog.Quote));
        await using var select = reader.CreateCommand();
        select.Transaction = snapshot;
        select.CommandText = $"SELECT {columns} FROM {SqliteCatalog.Quote(table.Name)}";
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        // Binary COPY streams the rows in the transaction's own batches, far faster than INSERTs.
        await using var import = await writer.BeginBinaryImportAsync($"COPY {SqliteCatalog.Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            await import.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                if (rows.IsDBNull(i))
                {
                    await import.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await import.WriteAsync(ColumnConverter.Convert(rows.GetValue(i), types[i]), types[i], cancellationToken);
                }
            }
        }

        return (long)await import.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Copied rows kept their ids, so each identity sequence must start after them (and after any
    /// id SQLite already handed out and lost with a deleted row), or the next insert would collide.
    /// </summary>
    private static async Task ContinueIdentitiesAsync(SqliteConnection reader, SqliteTransaction snapshot, NpgsqlConnection writer, NpgsqlTransaction transaction, IReadOnlySet<string> copied)
    {
        var identities = await writer.QueryAsync<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'", transaction: transaction);
        var sqliteSequences = await SqliteSequencesAsync(reader, snapshot);
        foreach (var (table, column) in identities.Where(i => copied.Contains(i.Table)))
        {
            var highest = await writer.ExecuteScalarAsync<long?>($"SELECT MAX({SqliteCatalog.Quote(column)}) FROM {SqliteCatalog.Quote(table)}", transaction: transaction) ?? 0;
            var next = Math.Max(highest, sqliteSequences.GetValueOrDefault(table)) + 1;
            await writer.ExecuteAsync("SELECT setval(pg_get_serial_sequence(@table, @column), @next, false)",
                new { table = SqliteCatalog.Quote(table), column, next }, transaction);
        }
    }

    private static async Task<Dictionary<string, long>> SqliteSequencesAsync(SqliteConnection reader, SqliteTransaction snapshot)
    {
        var exists = await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'", transaction: snapshot) > 0;
        return !exists
            ? []
            : (await reader.QueryAsync<(string Name, long Seq)>("SELECT name, seq FROM sqlite_sequence", transaction: snapshot)).ToDictionary(s => s.Name, s => s.Seq);
    }
}
