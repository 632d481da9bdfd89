using Dapper;

namespace CivicsClass.Editorial.Audit;

/// <summary>The workflow's record, written in the same transaction as the change it describes.</summary>
internal static class AuditTrail
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
