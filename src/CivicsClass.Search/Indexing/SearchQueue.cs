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
    public static async Task<IReadOnlyList<string>> ClaimAsync(ISession session, int count)
    {
        var sql = $"DELETE FROM search_queue WHERE id IN (SELECT id FROM search_queue ORDER BY id LIMIT @count{session.Dialect.SkipLocked}) RETURNING content_item_id";
        var (connection, transaction) = await session.BeginWriteAsync();
        return (await connection.QueryAsync<string>(sql, new { count }, transaction)).Distinct().ToList();
    }

    public static async Task<int> PendingAsync(ISession session)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM search_queue", transaction: transaction);
    }
}
