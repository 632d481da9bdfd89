using CivicsClass.Data.Diagnostics;
using System.Data.Common;
using Dapper;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Study;

namespace CivicsClass.Learning.Points;

/// <summary>
/// The points ledger: entries are only ever appended. An award claims its idempotency key with an
/// insert that does nothing on conflict, and checks the daily cap while holding that user's
/// day-and-activity row, in the caller's transaction, so concurrent requests can neither pay twice nor
/// pass a cap. Running totals per day, per week and for all time (the balance) are updated in the
/// same transaction and always equal the sums of the entries. A reversal is a new negative entry;
/// the day it corrects is then re-evaluated, so honest points that the cap had held back are paid.
/// </summary>
public sealed class PointsLedger(ISession session, TimeProvider clock)
{
    private const string EntryColumns = """
        id AS Id, user_id AS UserId, rule AS Rule, source_id AS SourceId, reference AS Reference, points AS Points,
        requested AS Requested, created_utc AS CreatedUtc, study_day AS StudyDay, reverses_id AS ReversesId,
        restores_id AS RestoresId, reason AS Reason
        """;

    public async Task<AwardResult> AwardAsync(PointsRule rule, Award award)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var day = StudyCalendar.Day(now);
        var used = await LockDayAsync(connection, transaction, award.UserId, day, rule.Name);
        var existing = await FindAsync(connection, transaction, award.Key);
        if (existing is not null)
        {
            return new AwardResult(existing.Id, existing.Points, existing.Requested, Duplicate: true, existing.Reference);
        }

        var requested = Math.Max(0, award.Points);
        var paid = rule.DailyCap is { } cap ? Math.Clamp(cap - used, 0, requested) : requested;
        var id = await connection.ExecuteScalarAsync<long?>("""
            INSERT INTO points_entry (user_id, rule, source_id, reference, idempotency_key, points, requested, created_utc, study_day)
            VALUES (@UserId, @Rule, @SourceId, @Reference, @Key, @Points, @Requested, @Now, @Day)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """, new { award.UserId, Rule = rule.Name, award.SourceId, award.Reference, award.Key, Points = paid, Requested = requested, Now = now, Day = day }, transaction);
        if (id is null)
        {
            // The same key claimed under another day's row (a request either side of midnight): it paid there.
            existing = (await FindAsync(connection, transaction, award.Key))!;
            return new AwardResult(existing.Id, existing.Points, existing.Requested, Duplicate: true, existing.Reference);
        }

        await AddAsync(connection, transaction, award.UserId, day, rule.Name, paid);
        Count(rule.Name, paid);
        return new AwardResult(id.Value, paid, requested, Duplicate: false, award.Reference);
    }

    /// <summary>
    /// Cancels an entry with a new negative entry that names it and a reason; an entry is reversed at
    /// most once. Afterwards the cancelled entry's day is re-evaluated against the rule's cap.
    /// </summary>
    public async Task<(ReversalRefusal Refusal, long? ReversalId, int Restored)> ReverseAsync(long entryId, string reason, PointsRule? rule)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var original = await connection.QuerySingleOrDefaultAsync<LedgerEntry>(
            $"SELECT {EntryColumns} FROM points_entry WHERE id = @entryId", new { entryId }, transaction);
        if (original is null)
        {
            return (ReversalRefusal.NotFound, null, 0);
        }

        if (original.ReversesId is not null)
        {
            return (ReversalRefusal.IsCorrection, null, 0);
        }

        await LockDayAsync(connection, transaction, original.UserId, original.StudyDay, original.Rule);
        var now = clock.GetUtcNow().UtcDateTime;
        var reversalId = await connection.ExecuteScalarAsync<long?>("""
            INSERT INTO points_entry (user_id, rule, source_id, reference, idempotency_key, points, requested, created_utc, study_day, reverses_id, reason)
            VALUES (@UserId, @Rule, @SourceId, @Reference, @Key, @Points, @Points, @Now, @StudyDay, @ReversesId, @Reason)
            ON CONFLICT DO NOTHING
            RETURNING id
            """, new
        {
            original.UserId, original.Rule, original.SourceId, original.Reference, Key = Award.KeyFor("reverse", original.Id),
            Points = -original.Points, Now = now, original.StudyDay, ReversesId = original.Id, Reason = reason,
        }, transaction);
        if (reversalId is null)
        {
            return (ReversalRefusal.AlreadyReversed, null, 0);
        }

        await AddAsync(connection, transaction, original.UserId, original.StudyDay, original.Rule, -original.Points);
        Count(original.Rule, -original.Points);
        var restored = rule?.DailyCap is { } cap
            ? await RestoreHeldBackAsync(connection, transaction, original, cap, reversalId.Value, now)
            : 0;
        Count(original.Rule, restored);
        return (ReversalRefusal.None, reversalId, restored);
    }

    /// <summary>Counts paid points for the metrics once the entry commits.</summary>
    private void Count(string rule, int points)
    {
        if (points != 0)
        {
            session.OnCommitted(() =>
            {
                SiteMetrics.PointsAwarded.Add(points, new KeyValuePair<string, object?>("rule", rule));
                return Task.CompletedTask;
            });
        }
    }

    public async Task<int> BalanceAsync(long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int?>("SELECT points FROM points_total WHERE period = 'all' AND user_id = @userId",
            new { userId }, transaction) ?? 0;
    }

    /// <summary>Points per activity on one study day.</summary>
    public async Task<IReadOnlyDictionary<string, int>> DayAsync(long userId, int day)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = await connection.QueryAsync<(string Rule, int Points)>(
            "SELECT rule, points FROM points_day WHERE user_id = @userId AND study_day = @day", new { userId, day }, transaction);
        return rows.ToDictionary(r => r.Rule, r => r.Points, StringComparer.Ordinal);
    }

    /// <summary>Points per study day from <paramref name="fromDay"/> on, from the running daily totals.</summary>
    public async Task<IReadOnlyDictionary<int, int>> DaysAsync(long userId, int fromDay)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = await connection.QueryAsync<(int Day, long Points)>(
            "SELECT study_day, SUM(points) FROM points_day WHERE user_id = @userId AND study_day >= @fromDay GROUP BY study_day",
            new { userId, fromDay }, transaction);
        return rows.ToDictionary(r => r.Day, r => (int)r.Points);
    }

    /// <summary>Every enabled activity with today's points against it, in the rules' order.</summary>
    public async Task<IReadOnlyList<TodayTask>> TodayAsync(long userId, PointsRuleStore rules)
    {
        var today = await DayAsync(userId, StudyCalendar.Day(clock.GetUtcNow().UtcDateTime));
        return (await rules.AllAsync()).Values.Where(r => r.Enabled).OrderBy(r => r.Id)
            .Select(r => new TodayTask(r.Name, r.DisplayName, r.Description, r.Points, today.GetValueOrDefault(r.Name), r.DailyCap)).ToList();
    }

    public async Task<LedgerEntry?> EntryAsync(long id)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<LedgerEntry>($"SELECT {EntryColumns} FROM points_entry WHERE id = @id", new { id }, transaction);
    }

    public async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(long userId, int take, long? beforeId = null)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<LedgerEntry>(
            $"SELECT {EntryColumns} FROM points_entry WHERE user_id = @userId AND id < @beforeId ORDER BY id DESC LIMIT @take",
            new { userId, take, beforeId = beforeId ?? long.MaxValue }, transaction)).ToList();
    }

    /// <summary>Holds the user's row for this day and activity until the transaction ends, and returns what it has paid.</summary>
    private async Task<int> LockDayAsync(DbConnection connection, DbTransaction transaction, long userId, int day, string rule)
    {
        var key = new { userId, day, rule };
        await connection.ExecuteAsync("""
            INSERT INTO points_day (user_id, study_day, rule, points) VALUES (@userId, @day, @rule, 0)
            ON CONFLICT (user_id, study_day, rule) DO NOTHING
            """, key, transaction);
        return await connection.ExecuteScalarAsync<int>(
            $"SELECT points FROM points_day WHERE user_id = @userId AND study_day = @day AND rule = @rule{session.Dialect.ForUpdate}", key, transaction);
    }

    /// <summary>Whether an award with this key was made, whatever it paid (a capped or all-wrong one pays nothing).</summary>
    public async Task<bool> HasAsync(string key)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM points_entry WHERE idempotency_key = @key", new { key }, transaction) > 0;
    }

    private static Task<LedgerEntry?> FindAsync(DbConnection connection, DbTransaction transaction, string key) =>
        connection.QuerySingleOrDefaultAsync<LedgerEntry>($"SELECT {EntryColumns} FROM points_entry WHERE idempotency_key = @key", new { key }, transaction);

    private static async Task AddAsync(DbConnection connection, DbTransaction transaction, long userId, int day, string rule, int points)
    {
        if (points == 0)
        {
            return;
        }

        await connection.ExecuteAsync("""
            UPDATE points_day SET points = points + @points WHERE user_id = @userId AND study_day = @day AND rule = @rule;
            INSERT INTO points_total (period, user_id, points) VALUES (@dayPeriod, @userId, @points), (@weekPeriod, @userId, @points), ('all', @userId, @points)
            ON CONFLICT (period, user_id) DO UPDATE SET points = points_total.points + excluded.points;
            """, new { userId, day, rule, points, dayPeriod = StudyCalendar.DayPeriod(day), weekPeriod = StudyCalendar.WeekPeriod(day) }, transaction);
    }

    /// <summary>Pays, oldest first, what the cap held back on the corrected day, as far as the cap now allows.</summary>
    private static async Task<int> RestoreHeldBackAsync(DbConnection connection, DbTransaction transaction, LedgerEntry original, int cap, long reversalId, DateTime now)
    {
        var used = await connection.ExecuteScalarAsync<int>(
            "SELECT points FROM points_day WHERE user_id = @UserId AND study_day = @StudyDay AND rule = @Rule", original, transaction);
        var room = cap - used;
        if (room <= 0)
        {
            return 0;
        }

        var heldBack = await connection.QueryAsync<(long Id, long Missing)>("""
            SELECT e.id, e.requested - e.points - COALESCE((SELECT SUM(r.points) FROM points_entry r WHERE r.restores_id = e.id), 0)
            FROM points_entry e
            WHERE e.user_id = @UserId AND e.study_day = @StudyDay AND e.rule = @Rule
              AND e.reverses_id IS NULL AND e.restores_id IS NULL AND e.requested > e.points
              AND NOT EXISTS (SELECT 1 FROM points_entry x WHERE x.reverses_id = e.id)
            ORDER BY e.id
            """, original, transaction);
        var restored = 0;
        foreach (var (id, missing) in heldBack)
        {
            var pay = (int)Math.Min(missing, room - restored);
            if (pay <= 0)
            {
                continue;
            }

            await connection.ExecuteAsync("""
                INSERT INTO points_entry (user_id, rule, source_id, reference, idempotency_key, points, requested, created_utc, study_day, restores_id, reason)
                SELECT user_id, rule, source_id, reference, @key, @pay, 0, @now, study_day, id, @reason FROM points_entry WHERE id = @id
                """, new { key = Award.KeyFor("restore", id, reversalId), pay, now, id, reason = $"冲正 #{original.Id} 后补发此前被每日上限挡住的积分" }, transaction);
            restored += pay;
            if (restored >= room)
            {
                break;
            }
        }

        await AddAsync(connection, transaction, original.UserId, original.StudyDay, original.Rule, restored);
        return restored;
    }
}
