using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Editorial;

/// <summary>One step in an item's life: who did what to which version, when, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string? ContentItemVersionId { get; set; }
    public string Action { get; set; } = "";
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>The workflow's record, written in the same transaction as the change it describes.</summary>
public static class AuditTrail
{
    public const string Created = "Created";
    public const string Saved = "Saved";
    public const string Submitted = "Submitted";
    public const string Returned = "Returned";
    public const string Approved = "Approved";
    public const string Scheduled = "Scheduled";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Removed = "Removed";
    public const string Restored = "Restored";

    public static async Task RecordAsync(ISession session, AuditEntry entry)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO audit_entry (content_item_id, content_item_version_id, action, user_id, user_name, comment, created_utc)
            VALUES (@ContentItemId, @ContentItemVersionId, @Action, @UserId, @UserName, @Comment, @CreatedUtc)
            """, entry, transaction);
    }

    public static async Task<IReadOnlyList<AuditEntry>> ListAsync(ISession session, string contentItemId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<AuditEntry>("""
            SELECT id, content_item_id AS ContentItemId, content_item_version_id AS ContentItemVersionId, action, user_id AS UserId,
                   user_name AS UserName, comment, created_utc AS CreatedUtc
            FROM audit_entry WHERE content_item_id = @contentItemId ORDER BY id
            """, new { contentItemId }, transaction)).ToList();
    }

    /// <summary>The last comment an editor left when returning the item, for its author to see beside the form.</summary>
    public static async Task<AuditEntry?> LastReturnAsync(ISession session, string contentItemId) =>
        (await ListAsync(session, contentItemId)).LastOrDefault(e => e.Action == Returned);
}

public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Link { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}

/// <summary>Messages to a person inside the admin: an author hears that a lesson was approved or returned.</summary>
public static class Notifications
{
    public static async Task AddAsync(ISession session, string userId, string message, string? link, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("INSERT INTO notification (user_id, message, link, created_utc) VALUES (@userId, @message, @link, @now)",
            new { userId, message, link, now }, transaction);
    }

    /// <summary>Tells an item's owner and last author (once each, and not the person acting) what happened to it.</summary>
    public static async Task TellAuthorsAsync(ISession session, CivicsClass.Content.Items.ContentItem item, string message, DateTime now, string? actingUserId)
    {
        foreach (var person in new[] { item.Owner, item.Author }.OfType<string>().Distinct().Where(p => p != actingUserId))
        {
            await AddAsync(session, person, message, $"/admin/content/edit/{item.ContentItemId}", now);
        }
    }

    public static async Task<IReadOnlyList<Notification>> ListAsync(ISession session, string userId, int take = 20)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<Notification>("""
            SELECT id, user_id AS UserId, message, link, created_utc AS CreatedUtc, read_utc AS ReadUtc
            FROM notification WHERE user_id = @userId ORDER BY id DESC LIMIT @take
            """, new { userId, take }, transaction)).ToList();
    }

    public static async Task<int> UnreadAsync(ISession session, string userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notification WHERE user_id = @userId AND read_utc IS NULL", new { userId }, transaction);
    }

    public static async Task MarkAllReadAsync(ISession session, string userId, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE notification SET read_utc = @now WHERE user_id = @userId AND read_utc IS NULL", new { userId, now }, transaction);
    }
}
