using CivicsClass.Data.Dialects;
using CivicsClass.Data.Diagnostics;
using Dapper;
using CivicsClass.Data.Documents;
using Microsoft.Extensions.DependencyInjection;
using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CivicsClass.Learning.Study;

namespace CivicsClass.Learning.Leaderboards;

/// <summary>
/// Keeps the leaderboards and the catalogue's "most studied" order cheap at a million learners. For today, this week and all time it counts
/// how many learners hold each points value (so "my rank" is a sum over a few hundred values instead
/// of a count over every learner above) and each organisation's and region's members, participants
/// and points (so a group board reads a few hundred rows instead of joining every learner). With all
/// time it also counts each lesson's learners as a content metric (<see cref="StudiedMetric"/>),
/// which the catalogue sorts by. It runs on every node (<see cref="JobScope.EveryNode"/>) and claims each period's
/// row in <c>rollup_state</c> with <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so with several nodes one of them
/// rolls up a period while the others skip it, and a period is never older than its interval while any node is up;
/// the replaced rows become visible together when it commits.
/// </summary>
public sealed class LearningRollup(IServiceScopeFactory scopes, ISqlDialect dialect, JobClaims claims, TimeProvider clock, IOptions<LeaderboardOptions> options, ILogger<LearningRollup> logger)
    : IntervalJob(claims, clock, logger)
{
    /// <summary>How many learners studied a lesson to the end, as of the last roll-up.</summary>
    public const string StudiedMetric = "studied";

    internal static readonly (GroupKind Kind, string Name, string Column)[] Groups =
    [
        (GroupKind.Organisation, "organisation", "organisation_id"),
        (GroupKind.Region, "region", "region_id"),
    ];

    /// <summary>Rolls up every current period whose last roll-up is older than the interval (or all of them when forced); returns the periods done.</summary>
    public async Task<IReadOnlyList<string>> RollUpAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var periods = new[] { "day", "week", "all" }.Select(p => StudyCalendar.Period(p, now)!).ToList();
        var due = force ? now : now.AddSeconds(-options.Value.RollupSeconds);
        var done = new List<string>();
        foreach (var period in periods)
        {
            // A period is claimed, counted and committed as one unit, so after a transient failure it is repeated whole.
            var rolled = await TransientFailures.RetryAsync(dialect, async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var session = scope.ServiceProvider.GetRequiredService<ISession>();
                if (!await RollUpAsync(session, period, now, due))
                {
                    return false;
                }

                await session.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
            if (rolled)
            {
                SiteMetrics.Job("rollup", done: true);
                done.Add(period);
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var (connection, transaction) = await session.BeginWriteAsync();
            foreach (var table in new[] { "points_rollup", "group_rollup", "rollup_state" })
            {
                await connection.ExecuteAsync($"DELETE FROM {table} WHERE NOT {session.Dialect.InList("period", "periods")}", new { periods }, transaction);
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        return done;
    }

    private static async Task<bool> RollUpAsync(ISession session, string period, DateTime now, DateTime due)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(
            "INSERT INTO rollup_state (period, learners, members, rolled_utc) VALUES (@period, 0, 0, NULL) ON CONFLICT DO NOTHING", new { period }, transaction);
        var claimed = await connection.QueryFirstOrDefaultAsync<string>(
            $"SELECT period FROM rollup_state WHERE period = @period AND (rolled_utc IS NULL OR rolled_utc <= @due){session.Dialect.SkipLocked}",
            new { period, due }, transaction);
        if (claimed is null)
        {
            return false; // rolled up recently, or another node is at it
        }

        await connection.ExecuteAsync("""
            DELETE FROM points_rollup WHERE period = @period;
            INSERT INTO points_rollup (period, points, learners, named)
            SELECT t.period, t.points, COUNT(*), COALESCE(SUM(CASE WHEN l.show_name THEN 1 ELSE 0 END), 0)
            FROM points_total t LEFT JOIN learner l ON l.user_id = t.user_id
            WHERE t.period = @period AND t.points > 0 GROUP BY t.period, t.points;
            DELETE FROM group_rollup WHERE period = @period;
            """, new { period }, transaction);
        foreach (var (_, name, column) in Groups)
        {
            await connection.ExecuteAsync($"""
                INSERT INTO group_rollup (kind, period, group_id, members, participants, points)
                SELECT @name, @period, l.{column}, COUNT(*), COUNT(t.user_id), COALESCE(SUM(t.points), 0)
                FROM learner l LEFT JOIN points_total t ON t.user_id = l.user_id AND t.period = @period AND t.points > 0
                WHERE l.{column} IS NOT NULL GROUP BY l.{column}
                """, new { name, period }, transaction);
        }

        if (period == StudyCalendar.AllTime)
        {
            await Content.Items.ContentIndexReads.ReplaceMetricAsync(connection, transaction, StudiedMetric,
                "SELECT content_item_id, COUNT(*) AS value FROM lesson_progress WHERE studied_utc IS NOT NULL GROUP BY content_item_id");
        }

        await connection.ExecuteAsync("""
            UPDATE rollup_state SET rolled_utc = @now,
                learners = (SELECT COALESCE(SUM(learners), 0) FROM points_rollup WHERE period = @period),
                members = (SELECT COUNT(*) FROM learner)
            WHERE period = @period
            """, new { period, now }, transaction);
        return true;
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(5, options.Value.RollupSeconds / 2));

    public const string JobName = "leaderboard-rollup";

    public override string Name => JobName;

    public override JobScope Scope => JobScope.EveryNode;

    public override string Label => "排行榜统计";

    protected override string Description => "Rolling up the leaderboards";

    protected override async Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
    {
        var periods = await RollUpAsync(cancellationToken: cancellationToken);
        return periods.Count > 0 ? "rolled up " + string.Join(", ", periods) : null;
    }
}
