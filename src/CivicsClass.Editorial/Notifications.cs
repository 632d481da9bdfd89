using CivicsClass.Content.Items;
using Dapper;

namespace CivicsClass.Editorial;

/// <summary>
/// Messages to a person inside the admin: an author hears that a lesson was approved or returned. The admin's
/// chrome, drawn by the host, counts the unread ones; everything else is the module's own.
/// </summary>
public static class Notifications
{
    public static async Task<int> UnreadAsync(ISession session, string userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notification WHERE user_id = @userId AND read_utc IS NULL", new { userId }, transaction);
    }

    internal static async Task AddAsync(ISession session, string userId, string message, string? link, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("INSERT INTO notification (user_id, message, link, created_utc) VALUES (@userId, @message, @link, @now)",
            new { userId, message, link, now }, transaction);
    }

    /// <summary>Tells an item's owner and last author (once each, and not the person acting) what happened to it.</summary>
    internal static async Task TellAuthorsAsync(ISession session, ContentItem item, string message, DateTime now, string? actingUserId)
    {
        foreach (var person in new[] { item.Owner, item.Author }.OfType<string>().Distinct().Where(p => p != actingUserId))
        {
            await AddAsync(session, person, message, $"/admin/content/edit/{item.ContentItemId}", now);
        }
    }

    internal static async Task<IReadOnlyList<Notification>> ListAsync(ISession session, string userId, int take = 20)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<Notification>("""
            SELECT id, user_id AS UserId, message, link, created_utc AS CreatedUtc, read_utc AS ReadUtc
            FROM notification WHERE user_id = @userId ORDER BY id DESC LIMIT @take
            """, new { userId, take }, transaction)).ToList();
    }

    internal static async Task MarkAllReadAsync(ISession session, string userId, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE notification SET read_utc = @now WHERE user_id = @userId AND read_utc IS NULL", new { userId, now }, transaction);
    }
}
