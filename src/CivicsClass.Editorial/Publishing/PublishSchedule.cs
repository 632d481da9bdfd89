using CivicsClass.Content.Items;
using Dapper;

namespace CivicsClass.Editorial.Publishing;

/// <summary>Approved versions waiting for their publishing time, in a table any node may claim from.</summary>
internal static class PublishSchedule
{
    public static async Task AddAsync(ISession session, ContentItem version, DateTime dueUtc, string? userId)
    {
        await CancelAsync(session, version.ContentItemId);
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("INSERT INTO publish_schedule (content_item_version_id, content_item_id, due_utc, user_id) VALUES (@v, @i, @due, @userId)",
            new { v = version.ContentItemVersionId, i = version.ContentItemId, due = dueUtc, userId }, transaction);
    }

    public static async Task CancelAsync(ISession session, string contentItemId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM publish_schedule WHERE content_item_id = @contentItemId", new { contentItemId }, transaction);
    }

    public static async Task<ScheduleEntry?> FindAsync(ISession session, string contentItemId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<ScheduleEntry>("""
            SELECT content_item_version_id AS ContentItemVersionId, content_item_id AS ContentItemId, due_utc AS DueUtc, user_id AS UserId
            FROM publish_schedule WHERE content_item_id = @contentItemId
            """, new { contentItemId }, transaction);
    }

    /// <summary>Every entry waiting for its time, soonest first.</summary>
    public static async Task<IReadOnlyList<ScheduleEntry>> ListAsync(ISession session)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<ScheduleEntry>("""
            SELECT content_item_version_id AS ContentItemVersionId, content_item_id AS ContentItemId, due_utc AS DueUtc, user_id AS UserId
            FROM publish_schedule ORDER BY due_utc
            """, transaction: transaction)).ToList();
    }

    /// <summary>Takes the entries that are due inside the session's transaction; on PostgreSQL another node's claims are skipped.</summary>
    public static async Task<IReadOnlyList<ScheduleEntry>> ClaimDueAsync(ISession session, DateTime now, int count)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return (await connection.QueryAsync<ScheduleEntry>($"""
            DELETE FROM publish_schedule WHERE content_item_version_id IN (
                SELECT content_item_version_id FROM publish_schedule WHERE due_utc <= @now ORDER BY due_utc LIMIT @count{session.Dialect.SkipLocked})
            RETURNING content_item_version_id AS ContentItemVersionId, content_item_id AS ContentItemId, due_utc AS DueUtc, user_id AS UserId
            """, new { now, count }, transaction)).ToList();
    }
}
