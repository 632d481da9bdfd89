using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// Items waiting to be (re)indexed, in the same database as the content. A publish writes its entry
/// in the publish's own transaction, so a crash between publishing and indexing loses nothing: the
/// entry is still there when the site starts again.
/// </summary>
public static class SearchQueue
{
    public static async Task EnqueueAsync(ISession session, IEnumerable<string> contentItemIds, DateTime now)
    {
        const string sql = "INSERT INTO search_queue (content_item_id, enqueued_utc) VALUES (@id, @now)";
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, contentItemIds.Select(id => new { id, now }), transaction);
    }

    /// <summary>
    /// Takes up to <paramref name="count"/> entries out of the queue inside the session's transaction;
    /// on PostgreSQL, rows another node is processing are skipped, so every entry is handled once.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ClaimAsync(ISession session, int count, DateTime now)
    {
        var sql = $"""
            DELETE FROM search_queue WHERE id IN (
                SELECT id FROM search_queue WHERE next_attempt_utc IS NULL OR next_attempt_utc <= @now ORDER BY id LIMIT @count{session.Dialect.SkipLocked})
            RETURNING content_item_id
            """;
        var (connection, transaction) = await session.BeginWriteAsync();
        return (await connection.QueryAsync<string>(sql, new { count, now }, transaction)).Distinct().ToList();
    }

    /// <summary>Takes one item's entries, whatever their back-off: to retry a failed batch one item at a time.</summary>
    public static async Task<IReadOnlyList<string>> ClaimItemAsync(ISession session, string contentItemId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return (await connection.QueryAsync<string>("DELETE FROM search_queue WHERE content_item_id = @contentItemId RETURNING content_item_id",
            new { contentItemId }, transaction)).Distinct().ToList();
    }

    /// <summary>
    /// Puts a batch that failed back with its error, to be tried again after a back-off that doubles
    /// with each attempt (30 s, 1 min, 2 min … up to an hour). Called in a new unit of work, after the
    /// failed one rolled back and left the entries in the queue.
    /// </summary>
    public static async Task FailedAsync(ISession session, IReadOnlyList<string> contentItemIds, string error, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var entries = await connection.QueryAsync<(long Id, int Attempts)>(
            $"SELECT id, attempts FROM search_queue WHERE {session.Dialect.InList("content_item_id", "ids")}", new { ids = contentItemIds.ToArray() }, transaction);
        foreach (var (id, attempts) in entries)
        {
            var next = now + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(attempts, 7))));
            await connection.ExecuteAsync("UPDATE search_queue SET attempts = attempts + 1, last_error = @error, next_attempt_utc = @next WHERE id = @id",
                new { id, error = error.Length > 1000 ? error[..1000] : error, next }, transaction);
        }
    }

    /// <summary>Entries whose last attempt failed, for administrators.</summary>
    public static async Task<IReadOnlyList<FailedEntry>> FailuresAsync(ISession session, int take)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<FailedEntry>("""
            SELECT id AS Id, content_item_id AS ContentItemId, attempts AS Attempts, last_error AS LastError, next_attempt_utc AS NextAttemptUtc
            FROM search_queue WHERE attempts > 0 ORDER BY id LIMIT @take
            """, new { take }, transaction)).ToList();
    }

    /// <summary>Makes a failed entry due now; false when there is no such entry.</summary>
    public static async Task<bool> RetryAsync(ISession session, long id)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync("UPDATE search_queue SET next_attempt_utc = NULL WHERE id = @id", new { id }, transaction) == 1;
    }

    public sealed class FailedEntry
    {
        public long Id { get; init; }
        public string ContentItemId { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public DateTime? NextAttemptUtc { get; init; }
    }

    public static async Task<int> PendingAsync(ISession session)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM search_queue", transaction: transaction);
    }

    /// <summary>Entries that may be claimed now: not waiting out a back-off.</summary>
    public static async Task<int> DueAsync(ISession session, DateTime now)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM search_queue WHERE next_attempt_utc IS NULL OR next_attempt_utc <= @now", new { now }, transaction);
    }
}
