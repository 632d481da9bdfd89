using System.Data.Common;
using CivicsClass.Data.Dialects;

namespace CivicsClass.Data.Documents;

/// <summary>
/// A unit of work. Writes go into one transaction, begun at the first write and committed by
/// <see cref="SaveChangesAsync"/>; disposing a session that was not committed rolls everything back.
/// Reads in the session see its own uncommitted writes.
/// </summary>
public interface ISession : IAsyncDisposable
{
    ISqlDialect Dialect { get; }

    Task<T?> GetAsync<T>(long id, CancellationToken cancellationToken = default) where T : Document;

    /// <summary>Inserts a new document or updates one read earlier, refusing a stale version.</summary>
    Task SaveAsync(Document document, CancellationToken cancellationToken = default);

    Task DeleteAsync(Document document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Documents whose row in <paramref name="indexTable"/> (aliased <c>i</c>) matches a parameterised
    /// condition. An index with several rows per document should be filtered with EXISTS instead.
    /// </summary>
    Task<IReadOnlyList<T>> QueryAsync<T>(string indexTable, string where, object? parameters = null,
        string? orderBy = null, int skip = 0, int? take = null, CancellationToken cancellationToken = default) where T : Document;

    Task<int> CountAsync(string indexTable, string where, object? parameters = null, CancellationToken cancellationToken = default);

    /// <summary>The session's connection and write transaction, for module stores that run their own SQL in the same unit of work.</summary>
    Task<(DbConnection Connection, DbTransaction Transaction)> BeginWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>The session's connection and, when a write has begun, its transaction, for reads.</summary>
    Task<(DbConnection Connection, DbTransaction? Transaction)> GetConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a read on the session's connection. Outside a write it is tried again on a fresh connection
    /// when the database fails transiently (a restarted server); inside a write it runs once, with the transaction.
    /// </summary>
    Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> read, CancellationToken cancellationToken = default);

    /// <summary>All documents of a type: for small collections such as definitions, roles and settings.</summary>
    Task<IReadOnlyList<T>> GetAllAsync<T>(CancellationToken cancellationToken = default) where T : Document;

    /// <summary>
    /// Runs last inside the write transaction, just before it commits, in the order registered: for
    /// work that must hold a lock for as short a time as possible, such as numbering a log in commit order.
    /// </summary>
    void OnCommitting(Func<DbConnection, DbTransaction, Task> action);

    /// <summary>Runs after the transaction commits (cache eviction, notifications); never on rollback.</summary>
    void OnCommitted(Func<Task> action);

    Task SaveChangesAsync(CancellationToken cancellationToken = default);
}
