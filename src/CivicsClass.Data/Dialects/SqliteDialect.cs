using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CivicsClass.Data.Dialects;

internal sealed class SqliteDialect : ISqlDialect
{
    private const int SqliteConstraint = 19;
    private static int s_initialised;

    private readonly string _connectionString;

    public SqliteDialect(string connectionString)
    {
        if (Interlocked.Exchange(ref s_initialised, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
        UseWriteAheadLog();
    }

    public string Name => "sqlite";
    public string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";
    public string BigInt => "INTEGER";
    public string Int => "INTEGER";
    public string Text => "TEXT";
    public string SkipLocked => "";
    public string ForUpdate => "";
    public string Bool => "INTEGER";
    public string Double => "REAL";
    public string Timestamp => "TEXT";

    public string BinaryText(string column) => column;

    // Dapper expands the list into one parameter per value.
    public string InList(string column, string parameter) => $"{column} IN @{parameter}";

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Per-connection settings: WAL makes NORMAL durable across crashes of the process.
        await connection.ExecuteAsync("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    // SQLite serialises writers; BEGIN IMMEDIATE (the default for a SqliteTransaction) already
    // holds the write lock for the whole migration.
    // A SQLite connection stays valid while its file is there; a busy file is waited out by the retry alone.
    public void DropIdleConnections()
    {
    }

    public Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction) => Task.CompletedTask;

    // A large write-ahead log slows every read that follows, and SQLite only folds it back when a
    // later write comes along; after an import there may be none for a long time.
    public async Task TidyAfterBulkWriteAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    // A pooled connection keeps answering from a file that was deleted under it.
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        var path = new SqliteConnectionStringBuilder(_connectionString).DataSource;
        if (path != ":memory:" && !File.Exists(path))
        {
            return false;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT 1") == 1;
    }

    public async Task<bool> TableExistsAsync(DbConnection connection, string table) =>
        await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }) > 0;

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    private void UseWriteAheadLog()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
    }
}
