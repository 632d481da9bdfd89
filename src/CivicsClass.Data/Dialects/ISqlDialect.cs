using System.Data.Common;

namespace CivicsClass.Data.Dialects;

/// <summary>
/// What really differs between SQLite and PostgreSQL: column types in DDL, how a connection is
/// opened and prepared, and how concurrent migrators are kept apart. Everything else is plain SQL
/// that both understand (ON CONFLICT, RETURNING, LIMIT/OFFSET, TRUE/FALSE).
/// </summary>
public interface ISqlDialect
{
    string Name { get; }

    /// <summary>A 64-bit primary key that the database assigns.</summary>
    string IdentityColumn { get; }

    string BigInt { get; }
    string Int { get; }
    string Text { get; }
    string Bool { get; }
    string Double { get; }

    /// <summary>A UTC instant. SQLite keeps it as sortable ISO-8601 text.</summary>
    string Timestamp { get; }

    /// <summary>
    /// Appended to a queue's claiming subquery: on PostgreSQL, rows another node has claimed are
    /// skipped (<c>FOR UPDATE SKIP LOCKED</c>); SQLite has one writer and needs nothing.
    /// </summary>
    string SkipLocked { get; }

    /// <summary>
    /// Appended to a SELECT that must hold its rows until the transaction ends (<c>FOR UPDATE</c>
    /// on PostgreSQL); SQLite's write transaction already holds the whole database.
    /// </summary>
    string ForUpdate { get; }

    /// <summary>Text compared by code point on both databases (SQLite's default), not by PostgreSQL's locale.</summary>
    string BinaryText(string column);

    /// <summary>A condition that <paramref name="column"/> is one of the list bound to <paramref name="parameter"/>.</summary>
    string InList(string column, string parameter);

    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>Closes the pool's idle connections, which are all dead after the server restarted; busy ones close when returned.</summary>
    void DropIdleConnections();

    /// <summary>Blocks other migrators until the transaction ends.</summary>
    Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction);

    /// <summary>After a bulk write (setup, import): fold the write-ahead log back and refresh the planner's statistics.</summary>
    Task TidyAfterBulkWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>The database answers (and, for SQLite, its file is still there).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);

    Task<bool> TableExistsAsync(DbConnection connection, string table);

    /// <summary>True when the error says a unique constraint was violated.</summary>
    bool IsUniqueViolation(DbException exception);
}
