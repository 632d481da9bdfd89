using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Documents;
using CivicsClass.Testing;
using CivicsClass.Web.Tests.Admin;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using CivicsClass.Learning.Maintenance;

namespace CivicsClass.Web.Tests.Study;

/// <summary>Study sessions nothing reads any more are removed by one node per interval, and administrators see what went.</summary>
public abstract class ExpiredDataCleanupTests<TProvider>(CleanupSiteHost<TProvider> host) : IClassFixture<CleanupSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private static readonly string[] s_tasks = [ExpiredDataCleanup.SupersededSessions, ExpiredDataCleanup.CompletedSessions];

    [SkippableFact]
    public async Task Run_SessionsPastRetention_RemovedWhileCurrentRecentAndStillShownOnesKept()
    {
        var factory = await host.GetAsync();
        using var old = await AppLearner.CreateAsync(factory, "13900000001");
        using var late = await AppLearner.CreateAsync(factory, "13900000002");
        var first = (await AppLearner.LessonAsync(factory, "anyuan-great-strike-1922")).ContentItemId;
        var second = (await AppLearner.LessonAsync(factory, "erqi-strike-1923")).ContentItemId;
        var oldSuperseded = await OpenAsync(old, first);
        var oldCompleted = await OpenAsync(old, second);
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await CompleteAsync(old, oldCompleted, HttpStatusCode.OK);
        var oldCurrent = await OpenAsync(old, first);
        var lateSuperseded = await OpenAsync(late, first);
        host.Clock.Advance(TimeSpan.FromDays(3));
        await SignInAgainAsync(old);
        await SignInAgainAsync(late);
        using var recent = await AppLearner.CreateAsync(factory, "13900000003");
        var lateCurrent = await OpenAsync(late, second);
        var recentSuperseded = await OpenAsync(recent, first);
        var recentCompleted = await OpenAsync(recent, second);
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await CompleteAsync(recent, recentCompleted, HttpStatusCode.OK);

        var removed = await factory.Services.GetRequiredService<ExpiredDataCleanup>().RunAsync(force: true);

        var left = await SessionIdsAsync(factory);
        Assert.DoesNotContain(oldSuperseded, left);
        Assert.DoesNotContain(oldCompleted, left);
        Assert.Subset(left, new HashSet<string> { oldCurrent, lateSuperseded, lateCurrent, recentSuperseded, recentCompleted });
        Assert.True(removed[ExpiredDataCleanup.SupersededSessions] >= 1);
        Assert.True(removed[ExpiredDataCleanup.CompletedSessions] >= 1);
        Assert.Equal("superseded", await CompleteAsync(late, lateSuperseded, HttpStatusCode.Conflict));
        await CompleteAsync(old, oldSuperseded, HttpStatusCode.NotFound);
        await CompleteAsync(old, oldCurrent, HttpStatusCode.OK);
        await CompleteAsync(recent, recentCompleted, HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Run_SeveralNodesAtOnce_EachTaskRunsOncePerInterval()
    {
        var factory = await host.GetAsync();
        host.Clock.Advance(TimeSpan.FromHours(2)); // past any earlier run's interval
        var nodes = Enumerable.Range(0, 8).Select(_ => ActivatorUtilities.CreateInstance<ExpiredDataCleanup>(factory.Services)).ToList();

        var runs = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.RunAsync())));
        var again = await Task.WhenAll(nodes.Select(n => n.RunAsync()));

        foreach (var task in s_tasks)
        {
            Assert.Single(runs, r => r.ContainsKey(task));
        }

        Assert.All(again, r => Assert.Empty(r));
    }

    [SkippableFact]
    public async Task JobsPage_ShowsLastRun_RunNowOnlyForAdministratorsWithToken()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "cleanup", "Administrator", "Editor");
        var before = host.Clock.GetUtcNow().UtcDateTime;
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        var withoutToken = await people["Administrator"].PostWithoutTokenAsync("/admin/jobs/cleanup/run", new Dictionary<string, string>());
        var editorPage = await people["Editor"].Http.GetAsync("/admin/jobs");
        var editorRun = await people["Editor"].PostAsync("/account/profile", "/admin/jobs/cleanup/run", new Dictionary<string, string>());
        var run = await people["Administrator"].PostAsync("/admin/jobs", "/admin/jobs/cleanup/run", new Dictionary<string, string>());
        var runs = await FinishedSinceAsync(factory, before);
        var page = await people["Administrator"].GetStringAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorRun.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        Assert.Equal(s_tasks.Order(), runs.Select(r => r.Name).Order());
        Assert.All(runs, r => Assert.Null(r.LastError));
        foreach (var r in runs)
        {
            Assert.Contains($"id=\"cleanup-{r.Name}\"", page);
            Assert.Contains($"<td data-removed>{r.LastRemoved}</td>", page);
        }

        Assert.Contains("已完成的学习记录", page);
        Assert.Contains("立即运行", page);
    }

    private static async Task<string> OpenAsync(AppLearner worker, string lessonId)
    {
        var (response, body) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lessonId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body.GetProperty("sessionId").GetString()!;
    }

    private static async Task<string?> CompleteAsync(AppLearner worker, string sessionId, HttpStatusCode expected)
    {
        var (response, body) = await worker.PostAsync($"/api/v1/study/sessions/{sessionId}/complete");
        Assert.True(response.StatusCode == expected, $"completing {sessionId} answered {(int)response.StatusCode}: {body}");
        return expected == HttpStatusCode.OK ? null : body.GetProperty("code").GetString();
    }

    /// <summary>A new access token after the clock has moved past the old one's lifetime.</summary>
    private static async Task SignInAgainAsync(AppLearner worker)
    {
        var login = await worker.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = worker.User.UserName, password = AppLearner.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        worker.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task<HashSet<string>> SessionIdsAsync(SiteFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (connection, transaction) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT id FROM study_session", transaction: transaction)).ToHashSet();
    }

    /// <summary>Waits for the run a button asked for: every task started after <paramref name="since"/> and finished.</summary>
    private static async Task<IReadOnlyList<MaintenanceRun>> FinishedSinceAsync(SiteFactory factory, DateTime since)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var runs = await MaintenanceRuns.ListAsync(scope.ServiceProvider.GetRequiredService<ISession>());
            if (runs.Count == s_tasks.Length && runs.All(r => r.LastRunUtc > since && r.FinishedUtc >= r.LastRunUtc) || DateTime.UtcNow > deadline)
            {
                return runs;
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>A seeded site with a hand-moved clock whose cleanup runs only when a test (or the button) asks within the tests' time.</summary>
public sealed class CleanupSiteHost<TProvider> : SiteHost<TProvider> where TProvider : IDatabaseProvider, new()
{
    public ManualClock Clock { get; } = new();

    protected override SiteFactory CreateFactory(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Maintenance:IntervalSeconds"] = "3600", ["Accounts:AccessTokenMinutes"] = "525600" }, Clock);
}

public sealed class SqliteExpiredDataCleanupTests(CleanupSiteHost<Sqlite> host) : ExpiredDataCleanupTests<Sqlite>(host);

public sealed class PostgresExpiredDataCleanupTests(CleanupSiteHost<Postgres> host) : ExpiredDataCleanupTests<Postgres>(host)
{
    private readonly CleanupSiteHost<Postgres> _host = host;

    /// <summary>SQLite has one writer, so there is no claimed row to skip there.</summary>
    [SkippableFact]
    public async Task Run_TaskBeingClaimedByAnotherNode_IsSkippedWithoutWaiting()
    {
        var factory = await _host.GetAsync();
        var cleanup = factory.Services.GetRequiredService<ExpiredDataCleanup>();
        await cleanup.RunAsync(force: true);
        await using var other = await factory.Services.GetRequiredService<ISqlDialect>().OpenConnectionAsync();
        await using var claim = await other.BeginTransactionAsync();
        await other.ExecuteAsync("SELECT name FROM maintenance_run WHERE name = @name FOR UPDATE", new { name = ExpiredDataCleanup.CompletedSessions }, claim);

        var done = await cleanup.RunAsync(force: true).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([ExpiredDataCleanup.SupersededSessions], done.Keys);
    }
}

