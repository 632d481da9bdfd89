using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using CivicsClass.Learning.Maintenance;
using CivicsClass.Learning.Study;

namespace CivicsClass.Web.Tests.Maintenance;

/// <summary>Rows nothing reads any more are removed by one node per interval, each module's by its own sweep, and administrators see what went.</summary>
public abstract class ExpiredDataCleanupTests<TProvider>(CleanupSiteHost<TProvider> host) : IClassFixture<CleanupSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Superseded = "study-session-superseded";
    private const string Completed = "study-session-completed";

    private static readonly string[] s_sweeps =
        [Superseded, Completed, "daily-quiz-draw", "quiz-attempt", "sign-in-session", "sign-in-throttle", "refresh-token"];

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
        Assert.True(removed[Superseded] >= 1);
        Assert.True(removed[Completed] >= 1);
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

        var run = Assert.Single(runs, r => r.Count > 0);
        Assert.Equal(s_sweeps.Order(), run.Keys.Order());
        Assert.All(again, r => Assert.Empty(r));
    }

    [SkippableFact]
    public async Task Run_WhileAnotherNodeHoldsTheJob_SkipsItWithoutWaiting_AndTakesOverWhenItsLeaseRunsOut()
    {
        var factory = await host.GetAsync();
        var cleanup = factory.Services.GetRequiredService<ExpiredDataCleanup>();
        var otherNode = new JobClaims(factory.Services.GetRequiredService<IDocumentStore>(), new JobNode());
        host.Clock.Advance(TimeSpan.FromHours(2));
        var now = host.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await otherNode.TryClaimAsync(ExpiredDataCleanup.JobName, now, now, TimeSpan.FromMinutes(2)));

        var whileHeld = await cleanup.RunAsync(force: true).WaitAsync(TimeSpan.FromSeconds(20));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var afterLease = await cleanup.RunAsync(force: true);
        var run = (await factory.Services.GetRequiredService<IJobReport>().ReadAsync()).Single(r => r.Name == ExpiredDataCleanup.JobName);

        Assert.Empty(whileHeld);
        Assert.Equal(s_sweeps.Order(), afterLease.Keys.Order());
        Assert.Equal(factory.Services.GetRequiredService<JobClaims>().Node, run.Node);
        Assert.False(await otherNode.FinishAsync(ExpiredDataCleanup.JobName, now, JobOutcomes.Done, null), "the node that lost its lease records nothing");
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
        var runNow = await people["Administrator"].PostAsync("/admin/jobs", "/admin/jobs/cleanup/run", new Dictionary<string, string>());
        var run = await FinishedSinceAsync(factory, before);
        var page = await people["Administrator"].GetStringAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorRun.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, runNow.StatusCode);
        Assert.NotNull(run);
        Assert.Equal(JobOutcomes.Done, run.Outcome);
        var removed = ExpiredDataCleanup.Removed(run.Note);
        Assert.Equal(s_sweeps.Order(), removed.Keys.Order());
        foreach (var sweep in s_sweeps)
        {
            var row = Row(page, $"id=\"cleanup-{sweep}\"");
            Assert.Contains($"<td data-removed>{removed[sweep]}</td>", row);
        }

        var jobRow = Row(page, $"id=\"job-run-{ExpiredDataCleanup.JobName}\"");
        Assert.Contains("过期数据清理", jobRow);
        Assert.Contains("每次由一台服务器运行", jobRow);
        Assert.Contains($"<td data-node>{System.Net.WebUtility.HtmlEncode(run.Node)}</td>", jobRow);
        Assert.Contains("<td data-state>完成</td>", jobRow);
        Assert.Contains("已完成的学习记录", page);
        Assert.Contains("已退出或过期的登录会话", page);
        Assert.Contains("立即运行", page);
    }

    [SkippableFact]
    public async Task Run_EachModulesSweep_RemovesItsOldRowsAndKeepsCurrentOnes()
    {
        var factory = await host.GetAsync();
        host.Clock.Advance(TimeSpan.FromHours(2));
        var now = host.Clock.GetUtcNow();
        var today = StudyCalendar.Day(now.UtcDateTime);
        var longAgo = StudyCalendar.ToInt(StudyCalendar.Date(now.UtcDateTime).AddDays(-30));
        var user = Random.Shared.NextInt64(1_000_000_000, 2_000_000_000);
        var key = Guid.NewGuid().ToString("N");
        long Ms(TimeSpan ago) => (now - ago).ToUnixTimeMilliseconds();
        await ExecuteAsync(factory, """
            INSERT INTO daily_quiz_draw (user_id, day, question_ids) VALUES (@user, @longAgo, 'q1'), (@user, @today, 'q2');
            INSERT INTO quiz_attempt (user_id, content_item_id, study_day, attempts) VALUES (@user, 'lesson', @longAgo, 3), (@user, 'lesson', @today, 1);
            INSERT INTO sign_in_session (id, user_id, started_ms, ended_ms) VALUES
                (@key || '-ended-long', @key, @daysAgo, @daysAgo), (@key || '-ended-now', @key, @hourAgo, @hourAgo),
                (@key || '-ancient', @key, @yearsAgo, NULL), (@key || '-current', @key, @daysAgo, NULL);
            INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_ms) VALUES (@key || '-stale', 9, @hoursAgo), (@key || '-fresh', 9, @minuteAgo);
            INSERT INTO refresh_token (id, user_id, family_id, expires_ms, used_ms) VALUES
                (@key || '-old-1', @key, @key || '-old', @daysAgo, @daysAgo), (@key || '-old-2', @key, @key || '-old', @daysAgo, NULL),
                (@key || '-live-1', @key, @key || '-live', @daysAgo, @daysAgo), (@key || '-live-2', @key, @key || '-live', @tomorrow, NULL);
            """, new
        {
            user, key, today, longAgo,
            daysAgo = Ms(TimeSpan.FromDays(3)), hourAgo = Ms(TimeSpan.FromHours(1)), yearsAgo = Ms(TimeSpan.FromDays(500)),
            hoursAgo = Ms(TimeSpan.FromHours(2)), minuteAgo = Ms(TimeSpan.FromMinutes(1)), tomorrow = Ms(TimeSpan.FromDays(-1)),
        });

        var removed = await factory.Services.GetRequiredService<ExpiredDataCleanup>().RunAsync(force: true);

        Assert.Equal(s_sweeps.Order(), removed.Keys.Order());
        Assert.Equal([today], await ListAsync<int>(factory, "SELECT day FROM daily_quiz_draw WHERE user_id = @user", new { user }));
        Assert.Equal([today], await ListAsync<int>(factory, "SELECT study_day FROM quiz_attempt WHERE user_id = @user", new { user }));
        Assert.Equal([key + "-current", key + "-ended-now"], await ListAsync<string>(factory, "SELECT id FROM sign_in_session WHERE user_id = @key ORDER BY id", new { key }));
        Assert.Equal([key + "-fresh"], await ListAsync<string>(factory, "SELECT throttle_key FROM sign_in_throttle WHERE throttle_key LIKE @prefix", new { prefix = key + "%" }));
        Assert.Equal([key + "-live-1", key + "-live-2"], await ListAsync<string>(factory, "SELECT id FROM refresh_token WHERE user_id = @key ORDER BY id", new { key }));
        Assert.All(s_sweeps.Skip(2), sweep => Assert.True(removed[sweep] >= 1, $"{sweep} removed nothing"));
    }

    private static async Task ExecuteAsync(SiteFactory factory, string sql, object parameters)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, parameters, transaction);
        await session.SaveChangesAsync();
    }

    private static async Task<List<T>> ListAsync<T>(SiteFactory factory, string sql, object parameters)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (connection, transaction) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        return (await connection.QueryAsync<T>(sql, parameters, transaction)).ToList();
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

    /// <summary>Waits for the run a button asked for: started after <paramref name="since"/> and finished.</summary>
    private static async Task<JobRun?> FinishedSinceAsync(SiteFactory factory, DateTime since)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = (await factory.Services.GetRequiredService<IJobReport>().ReadAsync()).SingleOrDefault(r => r.Name == ExpiredDataCleanup.JobName);
            if (run is { StartedUtc: { } started, FinishedUtc: { } finished } && started > since && finished >= started || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(100);
        }
    }

    private static string Row(string page, string marker)
    {
        var at = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {marker} on the page");
        var row = page[at..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }
}

public sealed class SqliteExpiredDataCleanupTests(CleanupSiteHost<Sqlite> host) : ExpiredDataCleanupTests<Sqlite>(host);

public sealed class PostgresExpiredDataCleanupTests(CleanupSiteHost<Postgres> host) : ExpiredDataCleanupTests<Postgres>(host);
