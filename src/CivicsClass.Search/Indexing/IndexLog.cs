using System.Data.Common;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// The index log: what every node's index must apply, in the database beside the content. Publishing,
/// unpublishing and removing append a task in the same transaction as the change. Tasks are numbered
/// at commit, under the lock of the log's head row taken just before the commit, so the numbers
/// follow commit order: once a node has read task N, every task before N has committed. (Numbers
/// from a sequence taken earlier would not: a transaction holding a smaller one can commit after a
/// node has moved past it, and that change would never be applied.)
/// </summary>
public static class IndexLog
{
    public const string Upsert = "upsert";
    public const string Delete = "delete";

    /// <summary>Appends tasks for items to the session's transaction; they are numbered as it commits.</summary>
    public static async Task AppendAsync(ISession session, IReadOnlyList<string> contentItemIds, string operation, DateTime now)
    {
        if (contentItemIds.Count == 0)
        {
            return;
        }

        await session.BeginWriteAsync();
        session.OnCommitting((connection, transaction) => NumberAsync(connection, transaction, contentItemIds, operation, now));
    }

    private static async Task NumberAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> ids, string operation, DateTime now)
    {
        var last = await connection.ExecuteScalarAsync<long>(
            "UPDATE search_index_head SET seq = seq + @count WHERE id = 1 RETURNING seq", new { count = ids.Count }, transaction);
        var first = last - ids.Count + 1;
        await connection.ExecuteAsync(
            "INSERT INTO search_index_log (seq, content_item_id, operation, created_utc) VALUES (@seq, @id, @operation, @now)",
            ids.Select((id, i) => new { seq = first + i, id, operation, now }), transaction);
    }

    /// <summary>The last task appended, and the last one trimmed away (a node behind that must rebuild).</summary>
    public static Task<LogHead> HeadAsync(ISession session) =>
        session.ReadAsync((connection, transaction) =>
            connection.QuerySingleAsync<LogHead>("SELECT seq AS Seq, trimmed_through AS TrimmedThrough FROM search_index_head WHERE id = 1", transaction: transaction));

    /// <summary>Tasks after <paramref name="cursor"/>, in order.</summary>
    public static async Task<IReadOnlyList<LogTask>> ReadAsync(ISession session, long cursor, int take) =>
        (await session.ReadAsync((connection, transaction) => connection.QueryAsync<LogTask>(
            "SELECT seq AS Seq, content_item_id AS ContentItemId, operation AS Operation FROM search_index_log WHERE seq > @cursor ORDER BY seq LIMIT @take",
            new { cursor, take }, transaction))).ToList();

    /// <summary>Removes tasks older than <paramref name="cutoff"/>; returns how many.</summary>
    public static async Task<int> TrimAsync(ISession session, DateTime cutoff)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var through = await connection.ExecuteScalarAsync<long?>(
            "SELECT MAX(seq) FROM search_index_log WHERE created_utc < @cutoff", new { cutoff }, transaction);
        if (through is null)
        {
            return 0;
        }

        await connection.ExecuteAsync("UPDATE search_index_head SET trimmed_through = @through WHERE id = 1 AND trimmed_through < @through", new { through }, transaction);
        return await connection.ExecuteAsync("DELETE FROM search_index_log WHERE seq <= @through", new { through }, transaction);
    }

    /// <summary>Records that an item could not be indexed; it stays out of date until it is tried again.</summary>
    public static async Task RecordFailureAsync(ISession session, string contentItemId, string error, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO search_index_failure (content_item_id, attempts, last_error, failed_utc) VALUES (@contentItemId, 1, @error, @now)
            ON CONFLICT (content_item_id) DO UPDATE SET attempts = search_index_failure.attempts + 1, last_error = excluded.last_error, failed_utc = excluded.failed_utc
            """, new { contentItemId, error = error.Length > 1000 ? error[..1000] : error, now }, transaction);
    }

    public static async Task ClearFailuresAsync(ISession session, IReadOnlyList<string> contentItemIds)
    {
        if (contentItemIds.Count == 0)
        {
            return;
        }

        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync($"DELETE FROM search_index_failure WHERE {session.Dialect.InList("content_item_id", "ids")}",
            new { ids = contentItemIds.ToArray() }, transaction);
    }

    /// <summary>Items that could not be indexed, for administrators.</summary>
    public static async Task<IReadOnlyList<FailedEntry>> FailuresAsync(ISession session, int take) =>
        (await session.ReadAsync((connection, transaction) => connection.QueryAsync<FailedEntry>("""
            SELECT id AS Id, content_item_id AS ContentItemId, attempts AS Attempts, last_error AS LastError, failed_utc AS FailedUtc
            FROM search_index_failure ORDER BY id LIMIT @take
            """, new { take }, transaction))).ToList();

    /// <summary>Appends a new task for a failed item, so every node tries it again; false when there is no such failure.</summary>
    public static async Task<bool> RetryAsync(ISession session, long failureId, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var id = await connection.ExecuteScalarAsync<string?>("SELECT content_item_id FROM search_index_failure WHERE id = @failureId", new { failureId }, transaction);
        if (id is null)
        {
            return false;
        }

        await AppendAsync(session, [id], Upsert, now);
        return true;
    }

    public sealed record LogHead(long Seq, long TrimmedThrough);

    public sealed record LogTask(long Seq, string ContentItemId, string Operation);

    public sealed class FailedEntry
    {
        public long Id { get; init; }
        public string ContentItemId { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public DateTime FailedUtc { get; init; }
    }
}
