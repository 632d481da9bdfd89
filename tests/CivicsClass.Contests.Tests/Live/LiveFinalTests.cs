using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Live;
using CivicsClass.Data.Documents;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Contests.Tests.Live;

/// <summary>Live finals on both databases: opening a room, who may join, the server's timing and scoring, one answer each, moving on.</summary>
public abstract class LiveFinalTests<TProvider>(ContestSite<TProvider> host) : IClassFixture<ContestSite<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const long Editor = 1;
    private static long s_user = 70_000 + Random.Shared.Next(1000) * 100;

    private static long NewUser() => Interlocked.Increment(ref s_user);

    [SkippableFact]
    public async Task Open_ContestWithoutALiveFinal_IsRefused_AndWithOneItWaitsInTheLobby()
    {
        var plain = await host.ContestAsync(questions: 10, perRound: 5);
        var live = await host.ContestAsync(questions: 10, perRound: 5, liveFinal: true);
        var teams = new[] { await host.OrganisationAsync("北京市总工会"), await host.OrganisationAsync("上海市总工会") };

        var refused = await OpenAsync(plain, teams, questions: 3);
        var oneTeam = await OpenAsync(live, teams[..1], questions: 3);
        var unknownTeam = await OpenAsync(live, [teams[0], "no-such-organisation"], questions: 3);
        var opened = await OpenAsync(live, teams, questions: 3);
        var snapshot = await SnapshotAsync(opened.Room!.Id);

        Assert.Equal("live-not-offered", refused.Refusal?.Code);
        Assert.Equal(422, oneTeam.Refusal?.Status);
        Assert.Equal(422, unknownTeam.Refusal?.Status);
        Assert.Equal(("lobby", 0, 3, 2), (snapshot.Stage, snapshot.Number, snapshot.Total, snapshot.Teams.Count));
        Assert.Null(snapshot.Question);
        Assert.Equal(new[] { "北京市总工会", "上海市总工会" }.Order(StringComparer.Ordinal), snapshot.Teams.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Join_AdmitsMembersOfTheChosenOrganisationsAndThoseUnderThem_Only()
    {
        var room = await LiveRoomAsync();
        var (haidian, pudong, guangzhou, none) = (NewUser(), NewUser(), NewUser(), NewUser());
        await host.LearnerAsync(haidian, "海淀区总工会");
        await host.LearnerAsync(pudong, "上海市总工会");
        await host.LearnerAsync(guangzhou, "广州市总工会");
        await host.LearnerAsync(none, null);

        var fromHaidian = await JoinAsync(room, haidian);
        var fromPudong = await JoinAsync(room, pudong);
        var fromGuangzhou = await JoinAsync(room, guangzhou);
        var fromNowhere = await JoinAsync(room, none);
        var refusedAnswer = await AnswerAsync(room, guangzhou, 1, 0);

        Assert.Equal(await host.OrganisationAsync("北京市总工会"), fromHaidian.Team);
        Assert.Equal(await host.OrganisationAsync("上海市总工会"), fromPudong.Team);
        Assert.Equal(403, fromGuangzhou.Refusal?.Status);
        Assert.Equal(403, fromNowhere.Refusal?.Status);
        Assert.Equal("live-not-joined", refusedAnswer?.Code);
        Assert.Equal(2, (await SnapshotAsync(room)).Players);
    }

    [SkippableFact]
    public async Task Scores_RightBeforeWrong_AndFasterBeforeSlowerAmongRight()
    {
        var room = await LiveRoomAsync(seconds: 20);
        var (fastRight, slowRight, fastWrong) = (NewUser(), NewUser(), NewUser());
        await host.LearnerAsync(fastRight, "海淀区总工会");
        await host.LearnerAsync(slowRight, "上海市总工会");
        await host.LearnerAsync(fastWrong, "朝阳区总工会");
        foreach (var user in new[] { fastRight, slowRight, fastWrong })
        {
            Assert.Null((await JoinAsync(room, user)).Refusal);
        }

        Assert.Null(await AdvanceAsync(room, 0));
        var answer = await RightOptionAsync(room, 1);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await AnswerAsync(room, fastWrong, 1, (answer + 1) % 4));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await AnswerAsync(room, fastRight, 1, answer));
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await AnswerAsync(room, slowRight, 1, answer));
        var people = await PeopleAsync(room);
        var teams = (await SnapshotAsync(room)).Teams;

        Assert.Equal([fastRight, slowRight, fastWrong], people.Select(p => p.UserId));
        Assert.Equal([190L, 140L, 0L], people.Select(p => p.Score));
        Assert.Equal(["北京市总工会", "上海市总工会"], teams.Select(t => t.Name));
        Assert.Equal([(1, 190, 1, 2), (2, 140, 1, 1)], teams.Select(t => (t.Rank, t.Score, t.Correct, t.Players)));
    }

    [SkippableFact]
    public async Task AnswerAfterTheQuestionsTime_IsRefusedAndNotCounted_AndASecondAnswerIsRefused()
    {
        var room = await LiveRoomAsync(seconds: 10);
        var (first, late) = (NewUser(), NewUser());
        await host.LearnerAsync(first, "海淀区总工会");
        await host.LearnerAsync(late, "上海市总工会");
        await JoinAsync(room, first);
        await JoinAsync(room, late);
        Assert.Null(await AdvanceAsync(room, 0));
        var answer = await RightOptionAsync(room, 1);

        var inTime = await AnswerAsync(room, first, 1, (answer + 1) % 4);
        var again = await AnswerAsync(room, first, 1, answer);
        host.Clock.Advance(TimeSpan.FromSeconds(11));
        var tooLate = await AnswerAsync(room, late, 1, answer);
        var closed = await SnapshotAsync(room);

        Assert.Null(inTime);
        Assert.Equal("live-already-answered", again?.Code);
        Assert.Equal("live-late", tooLate?.Code);
        Assert.Equal(("closed", answer, 1), (closed.Stage, closed.Answer, closed.Answers));
        Assert.All(closed.Teams, t => Assert.Equal(0, t.Score));
    }

    [SkippableFact]
    public async Task Advance_MovesOnceFromWhatTheEditorSaw_ShowsNoAnswerWhileOpen_AndEndsAfterTheLast()
    {
        var room = await LiveRoomAsync(questions: 2);
        var player = NewUser();
        await host.LearnerAsync(player, "海淀区总工会");
        await JoinAsync(room, player);

        Assert.Null(await AdvanceAsync(room, 0));
        var twice = await AdvanceAsync(room, 0);
        var open = await SnapshotAsync(room);
        Assert.Null(await AdvanceAsync(room, 1));
        var wrongQuestion = await AnswerAsync(room, player, 1, 0);
        Assert.Null(await AdvanceAsync(room, 2));
        var finished = await SnapshotAsync(room);
        var afterEnd = await AnswerAsync(room, player, 2, 0);

        Assert.Equal("live-moved-on", twice?.Code);
        Assert.Equal(("question", 1), (open.Stage, open.Number));
        Assert.NotNull(open.Question);
        Assert.Equal(4, open.Options!.Count);
        Assert.Null(open.Answer);
        Assert.NotNull(open.Deadline);
        Assert.Equal("live-moved-on", wrongQuestion?.Code);
        Assert.Equal(("finished", 2), (finished.Stage, finished.Number));
        Assert.Null(finished.Question);
        Assert.Equal("live-finished", afterEnd?.Code);
    }

    private async Task<string> LiveRoomAsync(int questions = 3, int seconds = 20)
    {
        var contest = await host.ContestAsync(questions: 10, perRound: 5, liveFinal: true);
        var teams = new[] { await host.OrganisationAsync("北京市总工会"), await host.OrganisationAsync("上海市总工会") };
        return (await OpenAsync(contest, teams, questions, seconds)).Room?.Id ?? throw new InvalidOperationException("The room did not open.");
    }

    private Task<(LiveRoom? Room, Learning.Refusal? Refusal)> OpenAsync(string contestId, IReadOnlyList<string> teams, int questions, int seconds = 20) =>
        InScopeAsync(async services =>
        {
            var contest = (await services.GetRequiredService<ContestDirectory>().GetAsync(contestId))!;
            return await services.GetRequiredService<LiveFinalService>().OpenAsync(contest, teams, questions, seconds, Editor);
        });

    private Task<(string? Team, Learning.Refusal? Refusal)> JoinAsync(string room, long user) =>
        InScopeAsync(services => services.GetRequiredService<LiveFinalService>().JoinAsync(room, user));

    private Task<Learning.Refusal?> AdvanceAsync(string room, int from) =>
        InScopeAsync(services => services.GetRequiredService<LiveFinalService>().AdvanceAsync(room, from));

    private Task<Learning.Refusal?> AnswerAsync(string room, long user, int number, int option) =>
        InScopeAsync(services => services.GetRequiredService<LiveFinalService>().AnswerAsync(room, user, number, option));

    private async Task<LiveSnapshot> SnapshotAsync(string room) =>
        (await InScopeAsync(services => services.GetRequiredService<LiveFinalService>().SnapshotAsync(room)))!;

    private Task<IReadOnlyList<(long UserId, long Score)>> PeopleAsync(string room) =>
        InScopeAsync(services => services.GetRequiredService<LiveRoomStore>().PeopleAsync(room));

    private Task<int> RightOptionAsync(string room, int number) =>
        InScopeAsync(async services => (await services.GetRequiredService<LiveRoomStore>().GetAsync(room))!.Questions[number - 1].Answer);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = (await host.GetAsync()).CreateScope();
        var result = await act(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return result;
    }
}

public sealed class SqliteLiveFinalTests(ContestSite<Sqlite> host) : LiveFinalTests<Sqlite>(host);

public sealed class PostgresLiveFinalTests(ContestSite<Postgres> host) : LiveFinalTests<Postgres>(host);
