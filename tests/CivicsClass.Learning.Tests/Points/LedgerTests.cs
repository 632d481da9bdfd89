using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CivicsClass.Learning.Tests.Points;

/// <summary>The ledger's invariants, on both databases: idempotency, caps under concurrency and across midnight, reversals, balance = sum.</summary>
public abstract class LedgerTests<TProvider>(LearningSite<TProvider> host) : IClassFixture<LearningSite<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private static readonly PointsRule Capped = new() { Name = "StudyText", DisplayName = "学习图文课", Points = 1, DailyCap = 6 };

    [SkippableFact]
    public async Task HundredConcurrentIdenticalAwards_WriteOneEntry()
    {
        var factory = await host.GetAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => AwardAsync(factory, Capped, new Award(9001, Capped.Name, "lesson-a", "same-key", 1))));

        Assert.Single(results.Select(r => r.EntryId).Distinct());
        Assert.Single(results, r => !r.Duplicate);
        Assert.Equal(1, await SumAsync(factory, 9001));
    }

    [SkippableFact]
    public async Task HundredConcurrentDistinctAwards_PayExactlyTheCap()
    {
        var factory = await host.GetAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => AwardAsync(factory, Capped, new Award(9002, Capped.Name, $"lesson-{i}", $"distinct-{i}", 1))));

        Assert.Equal(6, results.Sum(r => r.Points));
        Assert.Equal(94, results.Count(r => r.Capped));
        Assert.Equal(6, await BalanceAsync(factory, 9002));
        Assert.Equal(6, await SumAsync(factory, 9002));
    }

    [SkippableFact]
    public async Task CapResetsAtShanghaiMidnight_NotAtUtcMidnight()
    {
        var factory = await host.GetAsync();
        var shanghai = TimeSpan.FromHours(8);
        var tomorrow = new DateTimeOffset(StudyCalendar.Date(host.Clock.GetUtcNow().UtcDateTime).AddDays(1).ToDateTime(TimeOnly.MinValue), shanghai);
        host.Clock.Set(tomorrow.AddMilliseconds(-1)); // 23:59:59.999 in Shanghai
        var before = new List<AwardResult>();
        for (var i = 0; i < 8; i++)
        {
            before.Add(await AwardAsync(factory, Capped, new Award(9003, Capped.Name, null, $"night-{i}", 1)));
        }

        host.Clock.Set(tomorrow); // 00:00:00.000 in Shanghai, 16:00 UTC
        var after = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => AwardAsync(factory, Capped, new Award(9003, Capped.Name, null, $"morning-{i}", 1))));
        var days = await DaysAsync(factory, 9003);

        Assert.Equal(6, before.Sum(r => r.Points));
        Assert.Equal(6, after.Sum(r => r.Points));
        Assert.Equal([StudyCalendar.ToInt(DateOnly.FromDateTime(tomorrow.DateTime).AddDays(-1)), StudyCalendar.ToInt(DateOnly.FromDateTime(tomorrow.DateTime))], days.Keys.Order());
        Assert.All(days.Values, points => Assert.Equal(6, points));
        Assert.Equal(12, await BalanceAsync(factory, 9003));
    }

    [SkippableFact]
    public async Task Reversal_AppendsANegativeEntryOnce_AndRestoresWhatTheCapHeldBack()
    {
        var factory = await host.GetAsync();
        var forged = new List<AwardResult>();
        for (var i = 0; i < 6; i++)
        {
            forged.Add(await AwardAsync(factory, Capped, new Award(9004, Capped.Name, null, $"forged-{i}", 1)));
        }

        var honest = await AwardAsync(factory, Capped, new Award(9004, Capped.Name, null, "honest", 1));
        var first = await ReverseAsync(factory, forged[0].EntryId);
        var twice = await ReverseAsync(factory, forged[0].EntryId);
        var reversalOfReversal = await ReverseAsync(factory, first.ReversalId!.Value);
        var second = await ReverseAsync(factory, forged[1].EntryId);
        var entries = await EntriesAsync(factory, 9004);

        Assert.True(honest.Capped);
        Assert.Equal(0, honest.Points);
        Assert.Equal((ReversalRefusal.None, 1), (first.Refusal, first.Restored));
        Assert.Equal(ReversalRefusal.AlreadyReversed, twice.Refusal);
        Assert.Equal(ReversalRefusal.IsCorrection, reversalOfReversal.Refusal);
        Assert.Equal((ReversalRefusal.None, 0), (second.Refusal, second.Restored));
        Assert.Single(entries, e => e.RestoresId == honest.EntryId && e.Points == 1);
        Assert.Equal(5, await BalanceAsync(factory, 9004));
        Assert.Equal(5, await SumAsync(factory, 9004));
    }

    /// <summary>Random awards and reversals from a fixed seed: every running total equals the sum of its entries, and no day passes its cap.</summary>
    [SkippableFact]
    public async Task RandomAwardsAndReversals_EveryTotalEqualsTheSumOfTheLedger()
    {
        var factory = await host.GetAsync();
        var random = new Random(20261121);
        var rules = new[] { Capped, new PointsRule { Name = "QuizPass", Points = 2, DailyCap = 10 }, new PointsRule { Name = "CourseFinish", Points = 10 } };
        var users = Enumerable.Range(9100, 6).Select(u => (long)u).ToArray();
        var paid = new List<long>();
        for (var step = 0; step < 240; step++)
        {
            if (step % 40 == 39)
            {
                host.Clock.Advance(TimeSpan.FromHours(9)); // cross Shanghai midnights and week starts now and then
            }

            if (paid.Count > 0 && random.Next(5) == 0)
            {
                var target = paid[random.Next(paid.Count)];
                var name = await RuleOfAsync(factory, target);
                var rule = rules.First(r => r.Name == name);
                await ReverseAsync(factory, target, rule);
                continue;
            }

            var chosen = rules[random.Next(rules.Length)];
            var user = users[random.Next(users.Length)];
            var key = random.Next(4) == 0 && step > 0 ? $"prop-{step - 1}" : $"prop-{step}"; // some retries of the previous key
            var result = await AwardAsync(factory, chosen, new Award(user, chosen.Name, null, key, chosen.Points * random.Next(1, 4)));
            if (!result.Duplicate)
            {
                paid.Add(result.EntryId);
            }
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var (connection, _) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        foreach (var user in users)
        {
            Assert.Equal(await SumAsync(factory, user), await BalanceAsync(factory, user));
        }

        var dayMismatches = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM points_day d
            WHERE d.points <> (SELECT COALESCE(SUM(e.points), 0) FROM points_entry e WHERE e.user_id = d.user_id AND e.study_day = d.study_day AND e.rule = d.rule)
            """);
        var periodTotals = (await connection.QueryAsync<(string Period, long UserId, long Points)>(
            "SELECT period, user_id, points FROM points_total WHERE user_id >= 9100 AND user_id < 9106")).ToList();
        var entries = (await connection.QueryAsync<(long UserId, long Day, long Points)>(
            "SELECT user_id, study_day, points FROM points_entry WHERE user_id >= 9100 AND user_id < 9106")).ToList();
        var overCap = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM points_day WHERE (rule = 'StudyText' AND points > 6) OR (rule = 'QuizPass' AND points > 10)
            """);

        Assert.Equal(0, dayMismatches);
        Assert.Equal(0, overCap);
        foreach (var total in periodTotals.Where(t => t.Period != StudyCalendar.AllTime))
        {
            var inPeriod = entries.Where(e => e.UserId == total.UserId && (total.Period[0] == 'd'
                ? StudyCalendar.DayPeriod((int)e.Day) == total.Period
                : StudyCalendar.WeekPeriod((int)e.Day) == total.Period));
            Assert.Equal(inPeriod.Sum(e => e.Points), total.Points);
        }
    }

    [SkippableFact]
    public async Task RolledUpRanks_MatchExactCounts_AndLagOnlyForOthersUntilTheNextRollup()
    {
        var factory = await host.GetAsync();
        var rule = new PointsRule { Name = "Test", Points = 1 };
        var (a, b, c) = (9201L, 9202L, 9203L); // not the random test's learners: each test counts only its own points
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var organisations = TaxonomyService.Flatten(await LearningSite<TProvider>.RootsAsync(factory, "Organisation")).ToList();
            await Learners.SaveAsync(session, new Learner(a, "王建国", organisations.First(t => t.Name == "萍乡市总工会").Id, null, ShowName: true));
            await Learners.SaveAsync(session, new Learner(b, "李红", organisations.First(t => t.Name == "萍乡市总工会").Id, null, ShowName: true));
            await Learners.SaveAsync(session, new Learner(c, "赵明", organisations.First(t => t.Name == "江西省总工会").Id, null, ShowName: true));
            await session.SaveChangesAsync();
        }

        await AwardAsync(factory, rule, new Award(a, rule.Name, null, "rollup-a", 3000));
        await AwardAsync(factory, rule, new Award(b, rule.Name, null, "rollup-b", 2000));
        await AwardAsync(factory, rule, new Award(c, rule.Name, null, "rollup-c", 1000));
        var rollup = factory.Services.GetRequiredService<LearningRollup>();
        Assert.Equal(3, (await rollup.RollUpAsync(force: true)).Count);
        Assert.Empty(await rollup.RollUpAsync()); // rolled up a moment ago: nothing is due

        var exact = await BoardsAsync(factory, c, exactBelow: int.MaxValue);
        var rolled = await BoardsAsync(factory, c, exactBelow: 0);
        Assert.Null(exact.People.CountedUtc);
        Assert.NotNull(rolled.People.CountedUtc);
        Assert.Equal(exact.People.Me, rolled.People.Me);
        Assert.Equal(exact.Groups.Entries, rolled.Groups.Entries);
        Assert.Equal(exact.Groups.Me, rolled.Groups.Me);

        // My own points are live: passing a counts at once. Another worker passing me shows after the next roll-up.
        await AwardAsync(factory, rule, new Award(c, rule.Name, null, "rollup-c2", 2500));
        await AwardAsync(factory, rule, new Award(b, rule.Name, null, "rollup-b2", 5000));
        var stale = await BoardsAsync(factory, c, exactBelow: 0);
        var now = await BoardsAsync(factory, c, exactBelow: int.MaxValue);
        Assert.Equal(3500, stale.People.Me!.Points);
        Assert.Equal(now.People.Me!.Rank - 1, stale.People.Me.Rank);
        await rollup.RollUpAsync(force: true);
        var fresh = await BoardsAsync(factory, c, exactBelow: 0);
        Assert.Equal(now.People.Me, fresh.People.Me);
        Assert.Equal(now.Groups.Entries, fresh.Groups.Entries);
    }

    [SkippableFact]
    public async Task Rollup_ForgetsPeriodsThatEnded()
    {
        var factory = await host.GetAsync();
        var rollup = factory.Services.GetRequiredService<LearningRollup>();
        await AwardAsync(factory, new PointsRule { Name = "Test", Points = 1 }, new Award(9204, "Test", null, "rollup-old", 10));
        await rollup.RollUpAsync(force: true);
        var today = StudyCalendar.Period("day", host.Clock.GetUtcNow().UtcDateTime)!;

        host.Clock.Advance(TimeSpan.FromDays(8));
        await rollup.RollUpAsync(force: true);

        await using var scope = factory.Services.CreateAsyncScope();
        var (connection, _) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        foreach (var table in new[] { "rollup_state", "points_rollup", "group_rollup" })
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE period = @today", new { today }));
        }

        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rollup_state WHERE period = 'all'"));
    }

    private static async Task<(Board People, Board Groups)> BoardsAsync(TestSite factory, long me, int exactBelow)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var boards = new LeaderboardReader(services.GetRequiredService<ISession>(), new MemoryCache(new MemoryCacheOptions()), services.GetRequiredService<TimeProvider>(),
            Options.Create(new LeaderboardOptions { ExactBelow = exactBelow }));
        var roots = await LearningSite<TProvider>.RootsAsync(factory, "Organisation");
        return ((await boards.PeopleAsync("all", 10, me))!, (await boards.GroupsAsync(GroupKind.Organisation, "all", roots, perMember: true, 50, me))!);
    }

    private static async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(TestSite factory, long userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PointsLedger>().EntriesAsync(userId, 1000);
    }

    private static async Task<string> RuleOfAsync(TestSite factory, long entryId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (connection, _) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT rule FROM points_entry WHERE id = @entryId", new { entryId }) ?? "";
    }

    private static async Task<AwardResult> AwardAsync(TestSite factory, PointsRule rule, Award award)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PointsLedger>().AwardAsync(rule, award);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return result;
    }

    private static async Task<(ReversalRefusal Refusal, long? ReversalId, int Restored)> ReverseAsync(TestSite factory, long entryId, PointsRule? rule = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PointsLedger>().ReverseAsync(entryId, "测试冲正", rule ?? Capped);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return result;
    }

    private static async Task<int> BalanceAsync(TestSite factory, long userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PointsLedger>().BalanceAsync(userId);
    }

    private static async Task<IReadOnlyDictionary<int, int>> DaysAsync(TestSite factory, long userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PointsLedger>().DaysAsync(userId, 0);
    }

    private static async Task<long> SumAsync(TestSite factory, long userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (connection, _) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE user_id = @userId", new { userId });
    }
}

public sealed class SqliteLedgerTests(LearningSite<Sqlite> host) : LedgerTests<Sqlite>(host);

public sealed class PostgresLedgerTests(LearningSite<Postgres> host) : LedgerTests<Postgres>(host);
