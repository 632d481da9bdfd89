using System.Net;
using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;
using CivicsClass.Learning.Tests.Api;

namespace CivicsClass.Learning.Tests.Study;

/// <summary>The learning loop on the site's pages, signed in with a cookie: forms carry antiforgery tokens, and the server decides every point.</summary>
public abstract partial class LearningPagesTests<TProvider>(ClockedSiteHost<TProvider> host) : IClassFixture<ClockedSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "xuexi2026";

    [SkippableFact]
    public async Task Lesson_StudyPanelCompletesAfterTheMinimumTime_AndMyLearningShowsThePoints()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000001", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000001", Password);
        using var anonymous = FormClient.For(factory);

        var page = await worker.GetStringAsync("/lessons/laodong-hetong-jichu");
        var sessionId = await StudyPanel.OpenAsync(worker, page);
        var token = FormClient.Token(page);
        var early = await worker.Http.PostAsync($"/study/sessions/{sessionId}/complete", StudyPanel.Form(token));
        var backOnTheLesson = await worker.GetStringAsync(early.Headers.Location!.OriginalString);
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        var done = await worker.Http.PostAsync($"/study/sessions/{sessionId}/complete", StudyPanel.Form(token));
        var learning = await worker.GetStringAsync("/learning");
        var anonymousPage = await anonymous.GetStringAsync("/lessons/laodong-hetong-jichu");

        Assert.NotEmpty(sessionId);
        Assert.Equal(HttpStatusCode.SeeOther, early.StatusCode);
        Assert.Equal("/lessons/laodong-hetong-jichu#study", early.Headers.Location!.OriginalString);
        Assert.Contains("class=\"study-notice\" role=\"alert\">学习时间还不够，请再学", backOnTheLesson);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("获得 1 积分，总积分 2。", await done.Content.ReadAsStringAsync());
        Assert.Contains("data-balance>2<", learning);
        Assert.Contains("<svg viewBox=\"0 0 280 120\"", learning);
        Assert.Contains("今日 1 / 6 分", learning);
        Assert.DoesNotContain("data-study", anonymousPage);
        Assert.DoesNotContain("__RequestVerificationToken", anonymousPage[anonymousPage.IndexOf("quiz-title", StringComparison.Ordinal)..]);
    }

    [SkippableFact]
    public async Task Recommendations_FollowWhatWorkersLikeMeFinished_OnHomeLessonAndAfterStudy_NeverWhatIStudied()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000009", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000009", Password);
        using var anonymous = FormClient.For(factory);
        const string studied = "省港大罢工", peersNext = "铁人精神：王进喜和他的大庆岁月";
        await StudiedAsync(factory, [880001, 880002, 880003], "shenggang-dabagong-1925", "tieren-jingshen-wangjinxi");

        var homeBefore = await worker.GetStringAsync("/");
        var page = await worker.GetStringAsync("/lessons/shenggang-dabagong-1925");
        var sessionId = await StudyPanel.OpenAsync(worker, page);
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var done = await worker.Http.PostAsync($"/study/sessions/{sessionId}/complete", StudyPanel.Form(FormClient.Token(page)));
        var outcome = await done.Content.ReadAsStringAsync();
        var home = await worker.GetStringAsync("/");
        var anonymousHome = await anonymous.GetStringAsync("/");

        Assert.DoesNotContain("for-you", homeBefore); // nothing studied yet: nothing to go on
        Assert.Contains(peersNext, Section(page, "for-you"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains(peersNext, Section(outcome, "study-next"));
        Assert.Contains(peersNext, Section(home, "for-you"));
        Assert.DoesNotContain(studied, Section(home, "for-you"));
        Assert.DoesNotContain("for-you", anonymousHome);
    }

    [SkippableFact]
    public async Task Catalogue_MostStudiedFirst_AsOfTheLastRollup_FiltersStillApply()
    {
        var factory = await host.GetAsync();
        using var anonymous = FormClient.For(factory);
        await StudiedAsync(factory, [.. Enumerable.Range(770000, 12).Select(n => (long)n)], "gonghui-yizhan");
        await StudiedAsync(factory, [.. Enumerable.Range(770000, 9).Select(n => (long)n)], "jiti-xieshang-gongzi");

        await factory.Services.GetRequiredService<LearningRollup>().RollUpAsync(force: true);
        var popular = await anonymous.GetStringAsync("/lessons?sort=popular");
        var filtered = await anonymous.GetStringAsync("/lessons?sort=popular&theme=" + Uri.EscapeDataString("法律与维权"));

        var titles = CardTitle().Matches(popular).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["工会驿站：户外劳动者的歇脚点", "集体协商：工资可以“坐下来谈”"], titles.Take(2));
        Assert.Equal(CivicsClass.Web.Site.CatalogueController.PageSize, titles.Count);
        Assert.Contains("value=\"popular\" selected", popular);
        var filteredTitles = CardTitle().Matches(filtered).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("集体协商：工资可以“坐下来谈”", filteredTitles[0]);
        Assert.DoesNotContain("工会驿站：户外劳动者的歇脚点", filteredTitles);
    }

    [SkippableFact]
    public async Task LessonPage_ViewsNeverOpenOrSupersedeASession_OnlyThePanelsPostDoes()
    {
        var factory = await host.GetAsync();
        var user = await FormClient.CreateUserAsync(factory, "13600000010", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000010", Password);

        var page = await worker.GetStringAsync("/lessons/laodong-hetong-jichu");
        var afterView = await SessionCountAsync(factory, user.Id);
        var sessionId = await StudyPanel.OpenAsync(worker, page);
        // Another lesson's page, as an image in a lesson's Markdown or any link loads it, and this one again.
        await worker.GetStringAsync("/lessons/erqi-strike-1923");
        await worker.GetStringAsync("/lessons/laodong-hetong-jichu");
        var afterMoreViews = await SessionCountAsync(factory, user.Id);
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        var done = await worker.Http.PostAsync($"/study/sessions/{sessionId}/complete", StudyPanel.Form(FormClient.Token(page)));
        var withoutToken = await worker.PostWithoutTokenAsync("/study/sessions", new() { ["lesson"] = StudyPanel.Lesson(page) });

        Assert.Contains("data-study-lesson=", page);
        Assert.DoesNotContain("data-study=", page);
        Assert.Equal(0, afterView);
        Assert.Equal(1, afterMoreViews);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [SkippableFact]
    public async Task Heartbeat_NonFiniteOrAbsurdSecondsFromTheForm_Refused400()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000011", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000011", Password);
        var page = await worker.GetStringAsync("/lessons/laodong-hetong-jichu");
        var sessionId = await StudyPanel.OpenAsync(worker, page);

        var answers = new List<HttpStatusCode>();
        foreach (var value in new[] { "NaN", "Infinity", "-Infinity", "-1", "1e308", "abc" })
        {
            var response = await worker.Http.PostAsync($"/study/sessions/{sessionId}/heartbeat", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["mediaSeconds"] = value, ["__RequestVerificationToken"] = FormClient.Token(page),
            }));
            answers.Add(response.StatusCode);
        }

        var fine = await worker.Http.PostAsync($"/study/sessions/{sessionId}/heartbeat", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["mediaSeconds"] = "12.5", ["__RequestVerificationToken"] = FormClient.Token(page),
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    private static async Task<long> SessionCountAsync(SiteFactory factory, long userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (connection, transaction) = await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().GetConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM study_session WHERE user_id = @userId", new { userId }, transaction);
    }

    /// <summary>Records, as the study loop would, that these learners finished these lessons now.</summary>
    private async Task StudiedAsync(SiteFactory factory, IReadOnlyList<long> learners, params string[] slugs)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        foreach (var slug in slugs)
        {
            var lesson = (await content.GetByPathAsync($"lessons/{slug}"))!.ContentItemId;
            foreach (var user in learners)
            {
                await Dapper.SqlMapper.ExecuteAsync(connection, """
                    INSERT INTO lesson_progress (user_id, content_item_id, started_utc, studied_utc, studied_day) VALUES (@user, @lesson, @now, @now, @day)
                    """, new { user, lesson, now, day = StudyCalendar.Day(now) }, transaction);
            }
        }

        await session.SaveChangesAsync();
    }

    /// <summary>The markup of the section labelled by <paramref name="id"/>.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"aria-labelledby=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [SkippableFact]
    public async Task LessonQuiz_SignedInFailureHidesAnswers_PassPaysOnce_FormWithoutTokenRefused()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000002", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000002", Password);
        ContentItem lesson;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            lesson = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync("lessons/erqi-strike-1923"))!;
        }

        var questions = lesson.Part<QuizPart>().Questions;
        Dictionary<string, string> Answers(Func<QuizQuestion, int> pick) =>
            questions.Select((q, n) => ($"q{n + 1}", pick(q).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary(a => a.Item1, a => a.Item2);

        var wrong = await worker.PostAsync("/lessons/erqi-strike-1923", "/lessons/erqi-strike-1923/quiz", Answers(q => (q.Answer + 1) % q.Options.Count));
        var noToken = await worker.PostWithoutTokenAsync("/lessons/erqi-strike-1923/quiz", Answers(q => q.Answer));
        var right = await worker.PostAsync("/lessons/erqi-strike-1923", "/lessons/erqi-strike-1923/quiz", Answers(q => q.Answer));
        var again = await worker.PostAsync("/lessons/erqi-strike-1923", "/lessons/erqi-strike-1923/quiz", Answers(q => q.Answer));

        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("可以看到每题的对错", wrongPage);
        Assert.Contains("今天还可以再答 2 次", wrongPage);
        Assert.DoesNotContain("回答正确", wrongPage);
        Assert.DoesNotContain("答错了", wrongPage);
        Assert.DoesNotContain(questions[0].Explanation!, wrongPage);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("测验通过，获得 2 积分", await right.Content.ReadAsStringAsync());
        Assert.Contains("已通过本课测验，积分只计一次", await again.Content.ReadAsStringAsync());
        Assert.Single(await LearningApiTests<TProvider>.EntriesAsync(factory, await UserIdAsync(factory, "13600000002")), e => e.Rule == Activities.QuizPass);
    }

    [SkippableFact]
    public async Task CheckIn_OrganiserShowsARotatingQrCode_WorkerChecksInOnce()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000003", Password, "Editor");
        await FormClient.CreateUserAsync(factory, "13600000004", Password, "Worker");
        using var editor = await FormClient.SignedInAsync(factory, "13600000003", Password);
        using var worker = await FormClient.SignedInAsync(factory, "13600000004", Password);

        var venuePage = await editor.GetStringAsync("/venues/anyuan-memorial");
        var showUrl = ShowPattern().Match(venuePage).Groups[1].Value;
        var screen = await editor.GetStringAsync(showUrl);
        var scanUrl = WebUtility.HtmlDecode(ScanPattern().Match(screen).Groups[1].Value);
        var workerCannotShow = await worker.Http.GetAsync(showUrl);
        var scan = await worker.GetStringAsync(new Uri(scanUrl).PathAndQuery);
        var code = WebUtility.HtmlDecode(CodeValuePattern().Match(scan).Groups[1].Value);
        var first = await worker.PostAsync(new Uri(scanUrl).PathAndQuery, "/checkin", new() { ["code"] = code });
        var second = await worker.PostAsync(new Uri(scanUrl).PathAndQuery, "/checkin", new() { ["code"] = code });
        var forged = await worker.PostAsync(new Uri(scanUrl).PathAndQuery, "/checkin", new() { ["code"] = code[..^3] + "xyz" });

        Assert.Contains("<svg", screen);
        Assert.Contains("http-equiv=\"refresh\"", screen);
        Assert.Equal(HttpStatusCode.Forbidden, workerCannotShow.StatusCode);
        Assert.Contains("安源路矿工人运动纪念馆", scan);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("获得 5 积分", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("今天已在这里签到过", await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [SkippableFact]
    public async Task Requests_WorkersAskAndVoteOnce_BadInputExplained()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000005", Password, "Worker");
        await FormClient.CreateUserAsync(factory, "13600000006", Password, "Worker");
        using var asker = await FormClient.SignedInAsync(factory, "13600000005", Password);
        using var voter = await FormClient.SignedInAsync(factory, "13600000006", Password);
        var title = "新就业形态劳动者的社保" + typeof(TProvider).Name;

        var bad = await asker.PostAsync("/requests", "/requests", new() { ["title"] = "一", ["detail"] = "" });
        var asked = await asker.PostAsync("/requests", "/requests", new() { ["title"] = title, ["detail"] = "外卖骑手怎么参保？" });
        var list = await voter.GetStringAsync("/requests");
        var id = Regex.Match(list, "/requests/(\\d+)/vote\"[^§]*?我也想学：" + title).Groups[1].Value;
        var vote = await voter.PostAsync("/requests", $"/requests/{id}/vote", new());
        var twice = await voter.PostAsync("/requests", $"/requests/{id}/vote", new());
        var after = await voter.GetStringAsync("/requests");
        var anonymous = await FormClient.For(factory).GetStringAsync("/requests");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("想学的专题写 2 到 60 个字", await bad.Content.ReadAsStringAsync());
        Assert.Contains("点单已提交", await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains("2 人想学", after);
        Assert.Contains(title, anonymous);
        Assert.Contains("登录后点单", anonymous);
    }

    [SkippableFact]
    public async Task Leaderboards_NeedSignIn_AndShowMyRank_BogusCertificateIsNotGenuine()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000007", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000007", Password);
        using var anonymous = FormClient.For(factory);

        var board = await worker.GetStringAsync("/leaderboards?board=organisations&period=all");
        var people = await worker.GetStringAsync("/leaderboards");
        var redirect = await anonymous.Http.GetAsync("/leaderboards");
        var bogus = await anonymous.Http.GetAsync("/certificates/FORGED123");

        Assert.Contains("按人均积分排名", board);
        Assert.Contains("你没有出现在个人榜上", people); // not named unless they choose; their place is shown to them alone
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bogus.StatusCode);
        Assert.Contains("可能是伪造的", await bogus.Content.ReadAsStringAsync());
    }

    private static async Task<long> UserIdAsync(SiteFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CivicsClass.Accounts.User>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }

    [GeneratedRegex("<h3 class=\"card-title\">([^<]*)</h3>")]
    private static partial Regex CardTitle();

    [GeneratedRegex("href=\"(/checkin/show/[^\"]+)\"")]
    private static partial Regex ShowPattern();

    [GeneratedRegex("<a href=\"(https?://[^\"]+/checkin\\?code=[^\"]+)\"")]
    private static partial Regex ScanPattern();

    [GeneratedRegex("name=\"code\" value=\"([^\"]+)\"")]
    private static partial Regex CodeValuePattern();
}

public sealed class SqliteLearningPagesTests(ClockedSiteHost<Sqlite> host) : LearningPagesTests<Sqlite>(host);

public sealed class PostgresLearningPagesTests(ClockedSiteHost<Postgres> host) : LearningPagesTests<Postgres>(host);
