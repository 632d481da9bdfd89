using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Rounds;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Contests.Tests.Rounds;

/// <summary>Rounds on both databases: fair draws, the server's timer, attempts per day, one round at a time, the map and its certificate, voiding.</summary>
public abstract class RoundTests<TProvider>(ContestSite<TProvider> host) : IClassFixture<ContestSite<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private static long s_user = 50_000 + Random.Shared.Next(1000) * 100;

    private static long NewUser() => Interlocked.Increment(ref s_user);

    [SkippableFact]
    public async Task Draws_NeverRepeatWithinADay_ReachEveryQuestion_AndShuffleOptions()
    {
        var contest = await host.ContestAsync(questions: 30, perRound: 10, attempts: 3);
        var user = NewUser();
        var day = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var round = await StartAsync(contest, user);
            day.AddRange(round.Questions.Select(q => q.Id));
            await FinishAsync(contest, round.Id, user);
        }

        var seen = new HashSet<string>();
        var orders = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var round = await StartAsync(contest, NewUser());
            seen.UnionWith(round.Questions.Select(q => q.Id));
            orders.Add(string.Join("", round.Questions[0].Options));
            Assert.All(round.Questions, q => Assert.Equal(RightOption(q.Id), q.Options[q.Answer]));
        }

        Assert.Equal(30, day.Distinct().Count());
        Assert.Equal(30, seen.Count);
        Assert.True(orders.Count > 1, "the options of a question come in more than one order");
    }

    [SkippableFact]
    public async Task AnswerAfterTheDeadline_IsRefused_AndNotCounted()
    {
        var contest = await host.ContestAsync(questions: 10, perRound: 5, seconds: 60);
        var user = NewUser();
        var round = await StartAsync(contest, user);

        var inTime = await AnswerAsync(round.Id, user, 1, round.Questions[0].Answer);
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var late = await AnswerAsync(round.Id, user, 2, round.Questions[1].Answer);
        var result = await FinishAsync(contest, round.Id, user, new Dictionary<int, int> { [3] = round.Questions[2].Answer });

        Assert.Null(inTime);
        Assert.Equal("contest-time-up", late?.Code);
        Assert.Equal(1, result.Correct);
        Assert.Equal([1], result.Questions.Where(q => q.Chosen is not null).Select(q => q.Number));
    }

    [SkippableFact]
    public async Task SecondStart_ReturnsTheRoundUnderWay_AndAttemptsRunOutForTheDay()
    {
        var contest = await host.ContestAsync(questions: 20, perRound: 5, attempts: 2);
        var user = NewUser();

        var first = await StartAsync(contest, user);
        var again = await StartWithRefusalAsync(contest, user);
        await FinishAsync(contest, first.Id, user);
        var second = await StartAsync(contest, user);
        await FinishAsync(contest, second.Id, user);
        var third = await StartWithRefusalAsync(contest, user);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await StartWithRefusalAsync(contest, user);

        Assert.True(again.Start!.Resumed);
        Assert.Equal(first.Id, again.Start.Round.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(429, third.Refusal?.Status);
        Assert.NotNull(tomorrow.Start);
    }

    [SkippableFact]
    public async Task PassedRounds_LightOpenPoints_AndTheLastOneIssuesAVerifiableCertificate()
    {
        var contest = await host.ContestAsync(questions: 20, perRound: 4, passMark: 3, venues: 2);
        var user = NewUser();

        var failed = await PlayAsync(contest, user, right: 2);
        var first = await PlayAsync(contest, user, right: 4);
        var notYetOpen = await PlayAsync(contest, user, right: 4);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var last = await PlayAsync(contest, user, right: 3);

        Assert.Null(failed.LitVenue);
        Assert.Equal(0, first.Round.LitPoint);
        Assert.Null(notYetOpen.Round.LitPoint);
        Assert.Equal(1, last.Round.LitPoint);
        Assert.Null(first.CertificateCode);
        Assert.NotNull(last.CertificateCode);
        await using var scope = (await host.GetAsync()).CreateScope();
        var certificate = await scope.ServiceProvider.GetRequiredService<LearningProgress>().CertificateAsync(last.CertificateCode!);
        Assert.Equal(("contest", contest, user), (certificate!.Kind, certificate.CourseId, certificate.UserId));
    }

    [SkippableFact]
    public async Task RightAnswers_PayThroughTheLedger_AndVoidingReversesPointsAndLight()
    {
        var contest = await host.ContestAsync(questions: 20, perRound: 5, passMark: 3);
        var user = NewUser();
        var result = await PlayAsync(contest, user, right: 4);
        var before = await BalanceAsync(user);

        await using (var scope = (await host.GetAsync()).CreateScope())
        {
            Assert.Null((await scope.ServiceProvider.GetRequiredService<RoundService>().VoidAsync(result.Round.Id, "代答")).Refusal);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }

        await using var check = (await host.GetAsync()).CreateScope();
        var (connection, _) = await check.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        Assert.Equal(4, result.Points);
        Assert.Equal(4, before);
        Assert.Equal(0, await BalanceAsync(user));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM contest_light WHERE round_id = @id", new { id = result.Round.Id }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT rounds FROM contest_entrant WHERE contest_id = @contest AND user_id = @user", new { contest, user }));
        Assert.Contains("代答", await connection.ExecuteScalarAsync<string>("SELECT reason FROM points_entry WHERE reverses_id = @id", new { id = result.Round.EntryId }));
    }

    [SkippableFact]
    public async Task VoidingTheRoundThatLitTheLastPoint_WithdrawsTheMapCertificate()
    {
        var contest = await host.ContestAsync(questions: 20, perRound: 4, passMark: 3, venues: 1);
        var user = NewUser();
        var lit = await PlayAsync(contest, user, right: 4);

        var (refusal, withdrawn) = await VoidAsync(lit.Round.Id);
        var again = await VoidAsync(lit.Round.Id);

        Assert.NotNull(lit.CertificateCode);
        Assert.Null(refusal);
        Assert.True(withdrawn);
        Assert.False(again.CertificateWithdrawn);
        Assert.Empty(await ContestCertificatesAsync(contest, user));
    }

    [SkippableFact]
    public async Task ContestWithoutAMap_CertifiesReachingTheCompletionScore_AndVoidingWithdrawsItUnlessAnotherRoundStands()
    {
        var contest = await host.ContestAsync(questions: 20, perRound: 4, passMark: 2, venues: 0, completionScore: 3);
        var (user, other) = (NewUser(), NewUser());
        var below = await PlayAsync(contest, user, right: 2);
        var reached = await PlayAsync(contest, user, right: 3);
        var voided = await VoidAsync(reached.Round.Id);
        var first = await PlayAsync(contest, other, right: 4);
        var second = await PlayAsync(contest, other, right: 3);
        var keptByTheFirst = await VoidAsync(second.Round.Id);

        Assert.Null(below.CertificateCode);
        Assert.NotNull(reached.CertificateCode);
        Assert.True(voided.CertificateWithdrawn);
        Assert.Empty(await ContestCertificatesAsync(contest, user));
        Assert.NotNull(first.CertificateCode);
        Assert.False(keptByTheFirst.CertificateWithdrawn);
        Assert.Single(await ContestCertificatesAsync(contest, other));
    }

    [SkippableFact]
    public async Task ContestForChosenOrganisations_AdmitsTheirMembersAndSubOrganisationsOnly()
    {
        var contest = await host.ContestAsync(questions: 10, perRound: 5, organisations: ["北京市总工会"]);
        var (outside, none, inside) = (NewUser(), NewUser(), NewUser());
        await host.LearnerAsync(outside, "上海市总工会");
        await host.LearnerAsync(inside, "海淀区总工会");

        var refusedOutside = await StartWithRefusalAsync(contest, outside);
        var refusedNone = await StartWithRefusalAsync(contest, none);
        var allowed = await StartWithRefusalAsync(contest, inside);

        Assert.Equal(403, refusedOutside.Refusal?.Status);
        Assert.Equal(403, refusedNone.Refusal?.Status);
        Assert.NotNull(allowed.Start);
    }

    [SkippableFact]
    public async Task Standings_CountRoundsAsPlayed_OnThisDatabase()
    {
        var contestId = await host.ContestAsync(questions: 20, perRound: 5, passMark: 3);
        var (member, other) = (NewUser(), NewUser());
        await host.LearnerAsync(member, "朝阳区总工会");
        await host.LearnerAsync(other, null);
        await PlayAsync(contestId, member, right: 4);
        await PlayAsync(contestId, other, right: 5);

        await using var scope = (await host.GetAsync()).CreateScope();
        var contest = (await scope.ServiceProvider.GetRequiredService<ContestDirectory>().GetAsync(contestId))!;
        var reader = scope.ServiceProvider.GetRequiredService<CivicsClass.Contests.Rankings.StandingsReader>();
        var (top, mine) = await reader.PeopleAsync(contest, 10, member);
        var chaoyang = (await reader.CountGroupsAsync(contest, Learning.Leaderboards.GroupKind.Organisation)).Single(g => g.Name == "朝阳区总工会");

        Assert.Equal([other, member], top.Select(p => p.UserId));
        Assert.Equal("职**", top[0].Name);
        Assert.Equal((2, $"职工{member}", 0.8), (mine!.Rank, mine.Name, mine.BestRatio));
        // One member, who took part with 4 of 5 on the contest's first day: 40×1 + 20×1 + 30×0.8 + 10×1.
        Assert.Equal((1L, 1L, 94.0), (chaoyang.Members, chaoyang.Participants, chaoyang.Score));
    }

    private static string RightOption(string questionId) => new[] { "甲", "乙", "丙", "丁" }[int.Parse(questionId.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) % 4];

    /// <summary>Starts a round, answers the first <paramref name="right"/> questions rightly and the rest wrongly, and finishes.</summary>
    private async Task<RoundResult> PlayAsync(string contest, long user, int right)
    {
        var round = await StartAsync(contest, user);
        for (var i = 0; i < round.Questions.Count; i++)
        {
            var q = round.Questions[i];
            Assert.Null(await AnswerAsync(round.Id, user, i + 1, i < right ? q.Answer : (q.Answer + 1) % q.Options.Count));
        }

        return await FinishAsync(contest, round.Id, user);
    }

    private async Task<ContestRound> StartAsync(string contest, long user) =>
        (await StartWithRefusalAsync(contest, user)).Start?.Round ?? throw new InvalidOperationException("The round did not start.");

    private async Task<(RoundStart? Start, Learning.Refusal? Refusal)> StartWithRefusalAsync(string contestId, long user)
    {
        await using var scope = (await host.GetAsync()).CreateScope();
        var contest = (await scope.ServiceProvider.GetRequiredService<ContestDirectory>().GetAsync(contestId))!;
        var result = await scope.ServiceProvider.GetRequiredService<RoundService>().StartAsync(contest, user);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return result;
    }

    private async Task<Learning.Refusal?> AnswerAsync(string round, long user, int number, int option)
    {
        await using var scope = (await host.GetAsync()).CreateScope();
        var refusal = await scope.ServiceProvider.GetRequiredService<RoundService>().AnswerAsync(round, user, number, option);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return refusal;
    }

    private async Task<RoundResult> FinishAsync(string contestId, string round, long user, IReadOnlyDictionary<int, int>? answers = null)
    {
        await using var scope = (await host.GetAsync()).CreateScope();
        var contest = (await scope.ServiceProvider.GetRequiredService<ContestDirectory>().GetAsync(contestId))!;
        var (result, _) = await scope.ServiceProvider.GetRequiredService<RoundService>().FinishAsync(contest, round, user, answers);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return result!;
    }

    private async Task<(Learning.Refusal? Refusal, bool CertificateWithdrawn)> VoidAsync(string round)
    {
        await using var scope = (await host.GetAsync()).CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RoundService>().VoidAsync(round, "代答");
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return outcome;
    }

    private async Task<IReadOnlyList<CertificateInfo>> ContestCertificatesAsync(string contest, long user)
    {
        await using var scope = (await host.GetAsync()).CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<LearningProgress>().CertificatesAsync(user))
            .Where(c => c.CourseId == contest && c.Kind == RoundService.CertificateKind).ToList();
    }

    private async Task<int> BalanceAsync(long user)
    {
        await using var scope = (await host.GetAsync()).CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PointsLedger>().BalanceAsync(user);
    }
}

public sealed class SqliteRoundTests(ContestSite<Sqlite> host) : RoundTests<Sqlite>(host);

public sealed class PostgresRoundTests(ContestSite<Postgres> host) : RoundTests<Postgres>(host);
