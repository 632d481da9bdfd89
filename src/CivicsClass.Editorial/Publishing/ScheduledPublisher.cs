using CivicsClass.Content.Items;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Jobs;
using CivicsClass.Editorial.Audit;
using Microsoft.Extensions.Options;

namespace CivicsClass.Editorial.Publishing;

/// <summary>
/// Publishes approved versions when their time comes. It runs on every node (<see cref="JobScope.EveryNode"/>) and claims
/// each due entry with <c>FOR UPDATE SKIP LOCKED</c>, so each entry is published once and a farm keeps publishing on time
/// while any node is up.
/// </summary>
internal sealed class ScheduledPublisher(IServiceScopeFactory scopes, ISqlDialect dialect, JobClaims claims, TimeProvider clock,
    IOptionsMonitor<PublishingOptions> options, ILogger<ScheduledPublisher> logger)
    : IntervalJob(claims, clock, logger)
{
    public const string JobName = "scheduled-publish";

    public override string Name => JobName;

    public override JobScope Scope => JobScope.EveryNode;

    public override string Label => "定时发布";

    protected override string Description => "Scheduled publishing";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.CurrentValue.SchedulePollSeconds);

    /// <summary>Publishes what is due at <paramref name="now"/>; returns how many versions went live.</summary>
    public Task<int> PublishDueAsync(DateTime now, CancellationToken cancellationToken = default) =>
        // Claims and publishes commit together: after a transient failure nothing happened, and the unit is repeated.
        TransientFailures.RetryAsync(dialect, () => PublishDueOnceAsync(now, cancellationToken), cancellationToken);

    protected override async Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
    {
        var published = await PublishDueAsync(Clock.GetUtcNow().UtcDateTime, cancellationToken);
        return published > 0 ? $"published {published}" : null;
    }

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
}
