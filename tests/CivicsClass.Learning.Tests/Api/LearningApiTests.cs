using CivicsClass.Content.Taxonomies;
using System.Net;
using System.Text.Json;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using CivicsClass.Learning.CheckIns;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Quizzes;
using CivicsClass.Learning.Study;

namespace CivicsClass.Learning.Tests.Api;

/// <summary>The learning loop through the app's API: sessions, media heartbeats, quizzes, check-ins, certificates and leaderboards.</summary>
public abstract class LearningApiTests<TProvider>(ClockedSiteHost<TProvider> host) : IClassFixture<ClockedSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Completion_HundredIdenticalRequests_AwardOnceWithIdenticalAnswers()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000001");
        var lesson = await AppLearner.LessonAsync(factory, "anyuan-great-strike-1922");
        var (opened, session) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        var id = session.GetProperty("sessionId").GetString();
        host.Clock.Advance(TimeSpan.FromSeconds(session.GetProperty("minSeconds").GetInt32()));

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            var response = await worker.Http.PostAsync($"/api/v1/study/sessions/{id}/complete", null);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.All(answers, a => Assert.Equal(200, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        var body = JsonDocument.Parse(answers[0].Item2).RootElement;
        Assert.Equal(1, body.GetProperty("awarded").GetInt32());
        var entries = await EntriesAsync(factory, worker.Id);
        Assert.Equal([Activities.DailyVisit, Activities.StudyText], entries.Select(e => e.Rule).Order());
        Assert.Equal(2, body.GetProperty("balance").GetInt32());
        Assert.Equal(2, await worker.BalanceAsync());
    }

    [SkippableFact]
    public async Task Completion_TooEarlyOtherWorkersSessionOrSecondSession_RefusedWithReasonAndNothingPaid()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000002");
        using var other = await AppLearner.CreateAsync(factory, "13700000003");
        var lesson = await AppLearner.LessonAsync(factory, "erqi-strike-1923");
        var next = await AppLearner.LessonAsync(factory, "anyuan-great-strike-1922");
        var (_, first) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson.ContentItemId });
        var id = first.GetProperty("sessionId").GetString();

        var (early, earlyBody) = await worker.PostAsync($"/api/v1/study/sessions/{id}/complete");
        var (foreign, _) = await other.PostAsync($"/api/v1/study/sessions/{id}/complete");
        var (missing, _) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = "no-such-lesson" });
        var (_, second) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = next.ContentItemId });
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var (superseded, supersededBody) = await worker.PostAsync($"/api/v1/study/sessions/{id}/complete");
        var (done, _) = await worker.PostAsync($"/api/v1/study/sessions/{second.GetProperty("sessionId").GetString()}/complete");
        var (again, againBody) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = next.ContentItemId });
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var (earned, earnedBody) = await worker.PostAsync($"/api/v1/study/sessions/{againBody.GetProperty("sessionId").GetString()}/complete");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("too-early", earlyBody.GetProperty("code").GetString());
        Assert.Contains("学习时间还不够", earlyBody.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, superseded.StatusCode);
        Assert.Equal("superseded", supersededBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, earned.StatusCode);
        Assert.Equal("already-earned", earnedBody.GetProperty("code").GetString());
        Assert.True(earnedBody.GetProperty("studied").GetBoolean());
        Assert.Single(await EntriesAsync(factory, worker.Id), e => e.Rule == Activities.StudyText);
    }

    [SkippableFact]
    public async Task Media_SeekingAndGapsNeverCreditUnplayedTime()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000004");
        var video = await VideoLessonAsync(factory, "video-" + typeof(TProvider).Name.ToLowerInvariant(), seconds: 120);
        var (openResponse, opened) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = video.ContentItemId });
        Assert.True(openResponse.StatusCode == HttpStatusCode.Created, opened.ToString());
        var id = opened.GetProperty("sessionId").GetString();
        async Task<int> Beat(double reported, double afterSeconds)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(afterSeconds));
            var (response, body) = await worker.PostAsync($"/api/v1/study/sessions/{id}/heartbeat", new { mediaSeconds = reported });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return body.GetProperty("mediaSeconds").GetInt32();
        }

        var seeked = await Beat(110, 10);     // dragged the scrubber: 10 s at 2× at most
        var afterGap = await Beat(115, 300);  // five minutes of silence: nothing accrues across the gap
        var (tooLittle, tooLittleBody) = await worker.PostAsync($"/api/v1/study/sessions/{id}/complete");
        var played = 0;
        for (var i = 0; i < 8; i++)
        {
            played = await Beat(20 + (i + 1) * 10, 10);
        }

        var (done, doneBody) = await worker.PostAsync($"/api/v1/study/sessions/{id}/complete");

        Assert.Equal(96, opened.GetProperty("mediaSecondsRequired").GetInt32());
        Assert.Equal(20, seeked);
        Assert.Equal(20, afterGap);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLittle.StatusCode);
        Assert.Equal("media-not-played", tooLittleBody.GetProperty("code").GetString());
        Assert.Equal(100, played);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(1, doneBody.GetProperty("awarded").GetInt32());
        Assert.Equal([Activities.DailyVisit, Activities.StudyMedia], (await EntriesAsync(factory, worker.Id)).Select(e => e.Rule).Order());
    }

    [SkippableFact]
    public async Task Heartbeat_NonFiniteOrAbsurdSeconds_Refused400_AndStoredNonsenseNeverCountsAsPlayed()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000014");
        var video = await VideoLessonAsync(factory, "nonsense-" + typeof(TProvider).Name.ToLowerInvariant(), seconds: 120);
        var (_, opened) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = video.ContentItemId });
        var id = opened.GetProperty("sessionId").GetString();
        host.Clock.Advance(TimeSpan.FromSeconds(10));

        var answers = new List<(string, HttpStatusCode)>();
        foreach (var value in new[] { "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-1", "1e308", "86401" })
        {
            var response = await worker.Http.PostAsync($"/api/v1/study/sessions/{id}/heartbeat",
                new StringContent($"{{\"mediaSeconds\":{value}}}", System.Text.Encoding.UTF8, "application/json"));
            answers.Add((value, response.StatusCode));
        }

        var stored = new List<object> { 1e300, -5.0, 100_000.0 };
        if (typeof(TProvider) == typeof(Postgres))
        {
            stored.AddRange([double.NaN, double.PositiveInfinity]);
        }

        var completions = new List<(object, HttpStatusCode, string?)>();
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        foreach (var value in stored)
        {
            await SetMediaSecondsAsync(factory, id!, value);
            var (response, body) = await worker.PostAsync($"/api/v1/study/sessions/{id}/complete");
            completions.Add((value, response.StatusCode, body.ValueKind == JsonValueKind.Object ? body.GetProperty("code").GetString() : null));
        }

        Assert.All(answers, a => Assert.True(a.Item2 == HttpStatusCode.BadRequest, $"{a.Item1} answered {(int)a.Item2}"));
        Assert.All(completions, c => Assert.True(c.Item2 == HttpStatusCode.UnprocessableEntity && c.Item3 == "media-not-played", $"{c.Item1} answered {(int)c.Item2} {c.Item3}"));
        Assert.DoesNotContain(await EntriesAsync(factory, worker.Id), e => e.Rule == Activities.StudyMedia);
    }

    [SkippableFact]
    public async Task Quiz_FirstPassPaysOnce_FailureHidesAnswers_ReplayRefused()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000005");
        var lesson = await AppLearner.LessonAsync(factory, "anyuan-great-strike-1922");
        var right = lesson.Part<QuizPart>().Questions.Select(q => (int?)q.Answer).ToList();
        var wrong = right.Select(a => (int?)((a + 1) % 2)).ToList();
        var path = $"/api/v1/quizzes/{lesson.ContentItemId}/submit";

        var (failed, failedBody) = await worker.PostAsync(path, new { answers = wrong });
        var (passed, passedBody) = await worker.PostAsync(path, new { answers = right });
        var (replayed, replayedBody) = await worker.PostAsync(path, new { answers = right });
        var (anonymous, _) = await PostAnonymousAsync(factory, path, new { answers = right });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
        Assert.Equal("quiz-failed", failedBody.GetProperty("code").GetString());
        Assert.All(failedBody.GetProperty("results").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("answer").ValueKind));
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Equal(2, passedBody.GetProperty("awarded").GetInt32());
        Assert.Equal(right[0], passedBody.GetProperty("results")[0].GetProperty("answer").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Equal("quiz-already-passed", replayedBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Single(await EntriesAsync(factory, worker.Id), e => e.Rule == Activities.QuizPass);
    }

    [SkippableFact]
    public async Task Quiz_FewAttemptsADay_MarksOnlyAfterTheLastAnswersOnlyAfterAPass()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000015");
        var lesson = await AppLearner.LessonAsync(factory, "erqi-strike-1923");
        var questions = lesson.Part<QuizPart>().Questions;
        var right = questions.Select(q => (int?)q.Answer).ToList();
        var twoWrong = right.Select((a, n) => n < 2 ? (int?)((a + 1) % questions[n].Options.Count) : a).ToList();
        var allWrong = questions.Select(q => (int?)((q.Answer + 1) % q.Options.Count)).ToList();
        var path = $"/api/v1/quizzes/{lesson.ContentItemId}/submit";

        var (_, first) = await worker.PostAsync(path, new { answers = allWrong });
        var (_, second) = await worker.PostAsync(path, new { answers = twoWrong });
        var (_, last) = await worker.PostAsync(path, new { answers = allWrong });
        var (spent, spentBody) = await worker.PostAsync(path, new { answers = right });
        host.Clock.Advance(TimeSpan.FromDays(1));
        await worker.SignInAsync();
        var (passed, passedBody) = await worker.PostAsync(path, new { answers = right });

        foreach (var hidden in new[] { first, second })
        {
            Assert.Equal("quiz-failed", hidden.GetProperty("code").GetString());
            Assert.All(hidden.GetProperty("results").EnumerateArray(), r =>
            {
                Assert.Equal(JsonValueKind.Null, r.GetProperty("right").ValueKind);
                Assert.Equal(JsonValueKind.Null, r.GetProperty("answer").ValueKind);
                Assert.Equal(JsonValueKind.Null, r.GetProperty("explanation").ValueKind);
            });
        }

        Assert.Equal(0, first.GetProperty("correct").GetInt32());
        Assert.Equal(2, first.GetProperty("attemptsLeft").GetInt32());
        Assert.Equal(1, second.GetProperty("attemptsLeft").GetInt32());
        Assert.Equal(0, last.GetProperty("attemptsLeft").GetInt32());
        Assert.All(last.GetProperty("results").EnumerateArray(), r =>
        {
            Assert.False(r.GetProperty("right").GetBoolean());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("answer").ValueKind);
        });
        Assert.Equal((HttpStatusCode)429, spent.StatusCode);
        Assert.Equal("quiz-attempts-spent", spentBody.GetProperty("code").GetString());
        Assert.Empty(spentBody.GetProperty("results").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.True(passedBody.GetProperty("results")[0].GetProperty("right").GetBoolean());
        Assert.Equal(right[0], passedBody.GetProperty("results")[0].GetProperty("answer").GetInt32());
        Assert.Single(await EntriesAsync(factory, worker.Id), e => e.Rule == Activities.QuizPass);
    }

    [SkippableFact]
    public async Task DailyQuiz_DrawsWithoutAnswers_PaysPerRightAnswer_OnceADay()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000006");
        var quiz = await worker.GetAsync("/api/v1/quizzes/daily");
        var again = await worker.GetAsync("/api/v1/quizzes/daily");
        var questions = quiz.GetProperty("questions").EnumerateArray().ToList();
        var bank = await BankAsync(factory);
        var answers = questions.Select((q, n) => (q.GetProperty("id").GetString()!, n < 3 ? bank[q.GetProperty("id").GetString()!] : (bank[q.GetProperty("id").GetString()!] + 1) % 2))
            .ToDictionary(a => a.Item1, a => a.Item2);

        var (first, firstBody) = await worker.PostAsync("/api/v1/quizzes/daily/submit", new { answers });
        var (second, secondBody) = await worker.PostAsync("/api/v1/quizzes/daily/submit", new { answers });
        var (forged, forgedBody) = await (await AppLearner.CreateAsync(factory, "13700000007")).PostAsync("/api/v1/quizzes/daily/submit", new { answers = new Dictionary<string, int> { ["made-up:1"] = 0 } });

        Assert.Equal(5, questions.Count);
        Assert.Equal(quiz.GetRawText(), again.GetRawText());
        Assert.DoesNotContain("answer", quiz.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(3, firstBody.GetProperty("correct").GetInt32());
        Assert.Equal(3, firstBody.GetProperty("awarded").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("daily-quiz-done", secondBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        Assert.Equal("daily-quiz-changed", forgedBody.GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task DailyQuiz_SubmittedEmpty_IsRefusedAndIsNoStudyDay()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000016");
        var quiz = await worker.GetAsync("/api/v1/quizzes/daily");
        var first = quiz.GetProperty("questions")[0].GetProperty("id").GetString()!;

        var (empty, emptyBody) = await worker.PostAsync("/api/v1/quizzes/daily/submit", new { answers = new Dictionary<string, int>() });
        var (garbage, _) = await worker.PostAsync("/api/v1/quizzes/daily/submit", new { answers = new Dictionary<string, int> { [first] = 99 } });
        var streakAfterEmpty = (await worker.GetAsync("/api/v1/me/points")).GetProperty("streakDays").GetInt32();
        var (answered, _) = await worker.PostAsync("/api/v1/quizzes/daily/submit", new { answers = new Dictionary<string, int> { [first] = 0 } });
        var streakAfterAnswer = (await worker.GetAsync("/api/v1/me/points")).GetProperty("streakDays").GetInt32();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("daily-quiz-unanswered", emptyBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbage.StatusCode);
        Assert.Equal(0, streakAfterEmpty);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(1, streakAfterAnswer);
    }

    [SkippableFact]
    public async Task CheckIn_ForgedExpiredOutOfWindowOrReplayedCodes_AwardNothing()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000008");
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var checkIns = scope.ServiceProvider.GetRequiredService<CheckInService>();
        var venue = (await content.GetByPathAsync("venues/anyuan-memorial"))!;
        var farEvent = (await content.GetByPathAsync("events/welding-craft-class-2027-01"))!;

        var code = (await checkIns.CodeAsync(venue.ContentItemId)).Code;
        var forgedCode = code[..^2] + (code.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        var (forged, forgedBody) = await worker.PostAsync("/api/v1/checkins", new { code = forgedCode });
        var (foreignPlace, _) = await worker.PostAsync("/api/v1/checkins", new { code = farEvent.ContentItemId + code[venue.ContentItemId.Length..] });
        var (ok, okBody) = await worker.PostAsync("/api/v1/checkins", new { code });
        var (replayed, replayedBody) = await worker.PostAsync("/api/v1/checkins", new { code });
        var (outOfWindow, outOfWindowBody) = await worker.PostAsync("/api/v1/checkins", new { code = (await checkIns.CodeAsync(farEvent.ContentItemId)).Code });
        var stale = (await checkIns.CodeAsync(venue.ContentItemId)).Code;
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        using var late = await AppLearner.CreateAsync(factory, "13700000009");
        var (expired, expiredBody) = await late.PostAsync("/api/v1/checkins", new { code = stale });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("code-invalid", forgedBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, foreignPlace.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(5, okBody.GetProperty("awarded").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Equal("already-checked-in", replayedBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outOfWindow.StatusCode);
        Assert.Equal("out-of-window", outOfWindowBody.GetProperty("code").GetString());
        Assert.Equal((HttpStatusCode)410, expired.StatusCode);
        Assert.Equal("code-expired", expiredBody.GetProperty("code").GetString());
        Assert.Single(await EntriesAsync(factory, worker.Id), e => e.Rule == Activities.CheckIn);
        Assert.DoesNotContain(await EntriesAsync(factory, late.Id), e => e.Rule == Activities.CheckIn);
    }

    [SkippableFact]
    public async Task CheckIn_OverTheDailyCap_IsRecordedAndSaysWhyItEarnedNothing()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000018");
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var checkIns = scope.ServiceProvider.GetRequiredService<CheckInService>();
        async Task<string> CodeOf(string path) => (await checkIns.CodeAsync((await content.GetByPathAsync(path))!.ContentItemId)).Code;

        var (first, firstBody) = await worker.PostAsync("/api/v1/checkins", new { code = await CodeOf("venues/anyuan-memorial") });
        var (second, _) = await worker.PostAsync("/api/v1/checkins", new { code = await CodeOf("venues/tieren-memorial") });
        var (third, thirdBody) = await worker.PostAsync("/api/v1/checkins", new { code = await CodeOf("venues/kailuan-museum") });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(firstBody.TryGetProperty("noPointsReason", out var reason) && reason.ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode); // the cap (10 a day) is reached: recorded, no points, and why
        Assert.Equal(0, thirdBody.GetProperty("awarded").GetInt32());
        Assert.Equal("今天“线下活动签到”的积分已达上限，明天再来", thirdBody.GetProperty("noPointsReason").GetString());
    }

    [SkippableFact]
    public async Task Course_AllLessonsStudied_PaysOnceAndIssuesAVerifiableCertificate()
    {
        var factory = await host.GetAsync();
        using var worker = await AppLearner.CreateAsync(factory, "13700000010");
        await using var scope = factory.Services.CreateAsyncScope();
        var course = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync("courses/gongyun-bainian"))!;
        var lessons = course.Part<ListPart>().ContentItemIds;
        JsonElement last = default;
        foreach (var lesson in lessons)
        {
            var (_, opened) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lesson });
            host.Clock.Advance(TimeSpan.FromMinutes(11));
            (_, last) = await worker.PostAsync($"/api/v1/study/sessions/{opened.GetProperty("sessionId").GetString()}/complete");
        }

        var certificate = last.GetProperty("certificates")[0];
        var code = certificate.GetProperty("code").GetString()!;
        var verified = await worker.GetAsync("/api/v1/certificates/" + code);
        var bogus = await worker.GetAsync("/api/v1/certificates/NOTAREALCODE");
        var page = await factory.CreateClient().GetStringAsync($"/certificates/{code}");

        Assert.Equal(course.DisplayText, certificate.GetProperty("course").GetString());
        Assert.True(verified.GetProperty("genuine").GetBoolean());
        Assert.Equal(worker.User.DisplayName, verified.GetProperty("learner").GetString());
        Assert.False(bogus.GetProperty("genuine").GetBoolean());
        Assert.Contains(course.DisplayText, page);
        Assert.Contains("<svg", page);
        Assert.Single(await EntriesAsync(factory, worker.Id), e => e.Rule == Activities.CourseFinish);
    }

    [SkippableFact]
    public async Task Leaderboards_RankPeopleOrganisationsAndRegions_AndTellMeMyRank()
    {
        var factory = await host.GetAsync();
        using var top = await AppLearner.CreateAsync(factory, "13700000011");
        using var me = await AppLearner.CreateAsync(factory, "13700000012");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
            var terms = await scope.ServiceProvider.GetRequiredService<TermCache>().GetAsync();
            var organisation = terms["Organisation"].ByName("萍乡市总工会")!.Id;
            await Learners.SaveAsync(session, new Learner(top.Id, "王建国", organisation, null, ShowName: true));
            await Learners.SaveAsync(session, new Learner(me.Id, "李红", organisation, null));
            var ledger = scope.ServiceProvider.GetRequiredService<PointsLedger>();
            var rule = new PointsRule { Name = "Test", Points = 1 };
            await ledger.AwardAsync(rule, new Award(top.Id, "Test", null, $"board:{top.Id}", 500));
            await ledger.AwardAsync(rule, new Award(me.Id, "Test", null, $"board:{me.Id}", 400));
            await session.SaveChangesAsync();
        }

        var people = await me.GetAsync("/api/v1/leaderboards/people?period=week");
        var organisations = await me.GetAsync("/api/v1/leaderboards/organisations?period=all&by=total");
        var (unknown, _) = (await me.Http.GetAsync("/api/v1/leaderboards/people?period=year"), 0);

        Assert.Equal("王建国", people.GetProperty("entries")[0].GetProperty("name").GetString());
        Assert.Equal(500, people.GetProperty("entries")[0].GetProperty("points").GetDouble());
        Assert.Equal(2, people.GetProperty("me").GetProperty("rank").GetInt32());
        Assert.Equal("李红", people.GetProperty("me").GetProperty("name").GetString());
        var groups = organisations.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("points").GetDouble());
        Assert.Equal("中华全国总工会", organisations.GetProperty("entries")[0].GetProperty("name").GetString());
        Assert.True(groups["萍乡市总工会"] >= 900, "a city union counts its members' points");
        Assert.True(groups["江西省总工会"] >= groups["萍乡市总工会"], "a province counts its cities' members");
        Assert.Equal("萍乡市总工会", organisations.GetProperty("me").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task PointsEndpoints_RefuseAnonymousAndPeopleWhoCannotEarn()
    {
        var factory = await host.GetAsync();
        using var editor = await AppLearner.CreateAsync(factory, "13700000013", "Editor");
        var (anonymous, _) = await PostAnonymousAsync(factory, "/api/v1/study/sessions", new { contentItemId = "x" });
        var (forbidden, _) = await editor.PostAsync("/api/v1/study/sessions", new { contentItemId = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    internal static async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(SiteFactory factory, long userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PointsLedger>().EntriesAsync(userId, 1000);
    }

    /// <summary>Writes a value straight into a session's stored seconds played, as a bug or an old row might have left it.</summary>
    private static async Task SetMediaSecondsAsync(SiteFactory factory, string sessionId, object seconds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE study_session SET media_seconds = @seconds WHERE id = @sessionId", new { seconds, sessionId }, transaction);
        await session.SaveChangesAsync();
    }

    private static async Task<(HttpResponseMessage, string)> PostAnonymousAsync(SiteFactory factory, string path, object body)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync(path, JsonContent(body));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);

    private static async Task<Dictionary<string, int>> BankAsync(SiteFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<QuestionBank>().GetAsync()).ToDictionary(q => q.Id, q => q.Question.Answer);
    }

    private static async Task<ContentItem> VideoLessonAsync(SiteFactory factory, string slug, int seconds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var source = (await content.GetByPathAsync("lessons/anyuan-great-strike-1922"))!;
        var copy = await content.NewAsync("Lesson");
        copy.Content = (System.Text.Json.Nodes.JsonObject)source.Content.DeepClone();
        copy.DisplayText = "视频课：" + slug;
        copy.Apply(new TitlePart { Title = copy.DisplayText });
        copy.Apply(new AutoroutePart { Path = "lessons/" + slug });
        copy.Apply(new MediaPlayerPart { VideoUrl = "/media/lesson.mp4", DurationSeconds = seconds });
        copy.Apply(new QuizPart());
        var created = await content.CreateAsync(copy, publish: true);
        await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
        return created;
    }
}

public sealed class SqliteLearningApiTests(ClockedSiteHost<Sqlite> host) : LearningApiTests<Sqlite>(host);

public sealed class PostgresLearningApiTests(ClockedSiteHost<Postgres> host) : LearningApiTests<Postgres>(host);
