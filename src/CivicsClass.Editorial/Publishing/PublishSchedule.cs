using CivicsClass.Data.Dialects;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using Dapper;

namespace CivicsClass.Editorial;

/// <summary>Approved versions waiting for their publishing time, in a table any node may claim from.</summary>
public static class PublishSchedule
{
    public sealed class Entry
    {
        public string ContentItemVersionId { get; set; } = "";
        public string ContentItemId { get; set; } = "";
        public DateTime DueUtc { get; set; }
        public string? UserId { get; set; }
    }

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

    public static async Task<Entry?> FindAsync(ISession session, string contentItemId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<Entry>("""
            SELECT content_item_version_id AS ContentItemVersionId, content_item_id AS ContentItemId, due_utc AS DueUtc, user_id AS UserId
            FROM publish_schedule WHERE content_item_id = @contentItemId
            """, new { contentItemId }, transaction);
    }

    /// <summary>Every entry waiting for its time, soonest first.</summary>
    public static async Task<IReadOnlyList<Entry>> ListAsync(ISession session)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<Entry>("""
            SELECT content_item_version_id AS ContentItemVersionId, content_item_id AS ContentItemId, due_utc AS DueUtc, user_id AS UserId
            FROM publish_schedule ORDER BY due_utc
            """, transaction: transaction)).ToList();
    }

    /// <summary>Takes the entries that are due inside the session's transaction; on PostgreSQL another node's claims are skipped.</summary>
    public static async Task<IReadOnlyList<Entry>> ClaimDueAsync(ISession session, DateTime now, int count)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return (await connection.QueryAsync<Entry>($"""
            DELETE FROM publish_schedule WHERE content_item_version_id IN (
                SELECT content_item_version_id FROM publish_schedule WHERE due_utc <= @now ORDER BY due_utc LIMIT @count{session.Dialect.SkipLocked})
            RETURNING content_item_version_id AS ContentItemVersionId, content_item_id AS ContentItemId, due_utc AS DueUtc, user_id AS UserId
            """, new { now, count }, transaction)).ToList();
    }
}

/// <summary>
/// Publishes approved versions when their time comes. It runs on every node (<see cref="JobScope.EveryNode"/>) and claims
/// each due entry with <c>FOR UPDATE SKIP LOCKED</c>, so each entry is published once and a farm keeps publishing on time
/// while any node is up.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, ISqlDialect dialect, JobClaims claims, TimeProvider clock, IConfiguration configuration, ILogger<ScheduledPublisher> logger)
    : IntervalJob(claims, clock, logger)
{
    /// <summary>Publishes what is due at <paramref name="now"/>; returns how many versions went live.</summary>
    public Task<int> PublishDueAsync(DateTime now, CancellationToken cancellationToken = default) =>
        // Claims and publishes commit together: after a transient failure nothing happened, and the unit is repeated.
        TransientFailures.RetryAsync(dialect, () => PublishDueOnceAsync(now, cancellationToken), cancellationToken);

    private async Task<int> PublishDueOnceAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var published = 0;
        foreach (var entry in await PublishSchedule.ClaimDueAsync(session, now, 50))
        {
            var version = await content.GetAsync(entry.ContentItemId, VersionOptions.Version(entry.ContentItemVersionId));
            if (version is null || !version.Latest)
            {
                continue; // removed, or changed again since approval: the newer version needs its own review
            }

            await content.PublishAsync(version, entry.UserId);
            await AuditTrail.RecordAsync(session, new AuditEntry
            {
                ContentItemId = version.ContentItemId,
                ContentItemVersionId = version.ContentItemVersionId,
                Action = AuditTrail.Published,
                UserId = entry.UserId,
                UserName = "定时发布",
                CreatedUtc = now,
            });
            await Notifications.TellAuthorsAsync(session, version, $"《{version.DisplayText}》已按计划发布。", now, actingUserId: null);

            published++;
        }

        await session.SaveChangesAsync(cancellationToken);
        if (published > 0)
        {
            SiteMetrics.Job("scheduled-publish", done: true, published);
        }

        return published;
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Admin:SchedulePollSeconds", 30));

    public const string JobName = "scheduled-publish";

    public override string Name => JobName;

    public override JobScope Scope => JobScope.EveryNode;

    public override string Label => "定时发布";

    protected override string Description => "Scheduled publishing";

    protected override async Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
    {
        var published = await PublishDueAsync(Clock.GetUtcNow().UtcDateTime, cancellationToken);
        return published > 0 ? $"published {published}" : null;
    }
}
