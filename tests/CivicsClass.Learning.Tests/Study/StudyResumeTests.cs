using System.Net;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Learning.Tests.Study;

/// <summary>
/// Reopening a lesson resumes its open study session within the resume window (30 minutes by default), with
/// time counted from the first opening; later, or after another lesson was opened, it starts afresh. The
/// study panel shows the open session on the page, and works without script: an early tap says how long is left.
/// </summary>
public abstract class StudyResumeTests<TProvider>(ClockedSiteHost<TProvider> host) : IClassFixture<ClockedSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "xuexi2026";

    [SkippableFact]
    public async Task Open_SameLessonWithinTheWindow_ResumesAndCountsFromTheFirstOpening()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13710000001");
        var lesson = await AppLearner.LessonAsync(factory, "erqi-strike-1923");
        var (firstResponse, first) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        var minSeconds = first.GetProperty("minSeconds").GetInt32();
        host.Clock.Advance(TimeSpan.FromSeconds(minSeconds - 5));

        var (resumedResponse, resumed) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        var id = resumed.GetProperty("sessionId").GetString();
        var (early, earlyBody) = await worker.PostAsync($"/api/v1/study/sessions/{id}/complete");
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        var (done, doneBody) = await worker.PostAsync($"/api/v1/study/sessions/{id}/complete");

        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
        Assert.False(first.GetProperty("resumed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, resumedResponse.StatusCode);
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(first.GetProperty("sessionId").GetString(), id);
        Assert.Equal(minSeconds - 5, resumed.GetProperty("elapsedSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("学习时间还不够，请再学 5 秒后完成", earlyBody.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(1, doneBody.GetProperty("awarded").GetInt32());
    }

    [SkippableFact]
    public async Task Open_SameLessonAfterTheWindow_StartsAfresh()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13710000002");
        var lesson = await AppLearner.LessonAsync(factory, "erqi-strike-1923");
        var (_, first) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        host.Clock.Advance(TimeSpan.FromMinutes(31));

        var (againResponse, again) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        var (early, earlyBody) = await worker.PostAsync($"/api/v1/study/sessions/{again.GetProperty("sessionId").GetString()}/complete");
        var (old, oldBody) = await worker.PostAsync($"/api/v1/study/sessions/{first.GetProperty("sessionId").GetString()}/complete");

        Assert.Equal(HttpStatusCode.Created, againResponse.StatusCode);
        Assert.NotEqual(first.GetProperty("sessionId").GetString(), again.GetProperty("sessionId").GetString());
        Assert.Equal(0, again.GetProperty("elapsedSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("too-early", earlyBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        Assert.Equal("superseded", oldBody.GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task Open_AnotherLessonInBetween_StartsTheFirstAfresh()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13710000003");
        var lesson = await AppLearner.LessonAsync(factory, "erqi-strike-1923");
        var other = await AppLearner.LessonAsync(factory, "anyuan-great-strike-1922");
        var (_, first) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var (_, between) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = other.ContentItemId });
        var (backResponse, back) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });

        Assert.Equal(HttpStatusCode.Created, backResponse.StatusCode);
        Assert.NotEqual(first.GetProperty("sessionId").GetString(), back.GetProperty("sessionId").GetString());
        Assert.NotEqual(between.GetProperty("sessionId").GetString(), back.GetProperty("sessionId").GetString());
        Assert.Equal(0, back.GetProperty("elapsedSeconds").GetInt32());
    }

    [SkippableFact]
    public async Task Heartbeats_KeepTheSessionResumable_AndReportTheServersCount()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13710000004");
        var lesson = await AppLearner.LessonAsync(factory, "erqi-strike-1923");
        var (_, first) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        var id = first.GetProperty("sessionId").GetString();
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var (_, beat) = await worker.PostAsync($"/api/v1/study/sessions/{id}/heartbeat", new { mediaSeconds = 0 });
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        var (_, resumed) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });

        Assert.Equal(20 * 60, beat.GetProperty("elapsedSeconds").GetInt32());
        Assert.Equal(id, resumed.GetProperty("sessionId").GetString());
        Assert.Equal(40 * 60, resumed.GetProperty("elapsedSeconds").GetInt32());
    }

    [SkippableFact]
    public async Task Panel_WithoutScript_StartsResumesAndExplainsAnEarlyTap_NeverAnErrorPage()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13610000001", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13610000001", Password);
        const string path = "/lessons/jiti-xieshang-gongzi";

        var before = await worker.GetStringAsync(path);
        var started = await worker.Http.PostAsync("/study/sessions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["lesson"] = StudyPanel.Lesson(before), ["__RequestVerificationToken"] = FormClient.Token(before),
        }));
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var open = await worker.GetStringAsync(path);
        var action = System.Text.RegularExpressions.Regex.Match(open, "action=\"(/study/sessions/[0-9a-f]+/complete)\"").Groups[1].Value;
        var early = await worker.Http.PostAsync(action, StudyPanel.Form(FormClient.Token(open)));
        var explained = await worker.Http.GetAsync(early.Headers.Location!.OriginalString);
        var explainedPage = await explained.Content.ReadAsStringAsync();
        var reloaded = await worker.GetStringAsync(path);

        Assert.Contains("action=\"/study/sessions\"", before);
        Assert.Contains(">开始学习</button>", before);
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        Assert.Equal(path + "#study", started.Headers.Location!.OriginalString);
        Assert.NotEmpty(action);
        Assert.Contains("已学 20 秒，再学", open);
        Assert.Contains(">完成学习</button>", open);
        Assert.Equal(HttpStatusCode.SeeOther, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
        Assert.Contains("role=\"alert\">学习时间还不够，请再学", explainedPage);
        Assert.Contains(action, explainedPage);
        Assert.DoesNotContain("study-notice", reloaded); // said once, not again on the next visit
    }
}

public sealed class SqliteStudyResumeTests(ClockedSiteHost<Sqlite> host) : StudyResumeTests<Sqlite>(host);

public sealed class PostgresStudyResumeTests(ClockedSiteHost<Postgres> host) : StudyResumeTests<Postgres>(host);
