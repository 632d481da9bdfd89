using CivicsClass.Content.Security;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Learning.CheckIns;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Quizzes;
using CivicsClass.Learning.Study;
using CivicsClass.Learning.TopicRequests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Learning.Api;

/// <summary>
/// Studying and points for the mobile app: study sessions, quizzes, check-ins, my points, leaderboards,
/// certificates and topic requests. Every call that can earn points needs a bearer token with the
/// EarnPoints permission and is rate-limited per person.
/// </summary>
internal static class LearningApi
{
    public static RouteGroupBuilder MapLearningApi(this RouteGroupBuilder api)
    {
        var earn = api.MapGroup("").WithTags("Learning")
            .RequireAuthorization(PermissionPolicy.For(Permissions.EarnPoints))
            .RequireRateLimiting(LearningModule.PointsRateLimit);
        earn.MapPost("/study/sessions", OpenAsync).WithName("OpenStudySession")
            .WithSummary("Opens a study session on a lesson (201), or resumes the open one on the same lesson (200) when it was alive within the resume window; the server times it from its first opening.");
        earn.MapPost("/study/sessions/{id}/heartbeat", HeartbeatAsync).WithName("ReportStudyHeartbeat").WithSummary("Reports the seconds of media played so far in the session.");
        earn.MapPost("/study/sessions/{id}/complete", CompleteAsync).WithName("CompleteStudySession").WithSummary("Completes the session: { awarded, balance }, or a problem saying why nothing was awarded.");
        earn.MapPost("/quizzes/{contentItemId}/submit", SubmitQuizAsync).WithName("SubmitLessonQuiz")
            .WithSummary("Grades a lesson's quiz; the first pass earns points. A few attempts a day; which answers were right shows after a pass or the day's last attempt, the right answers after a pass.");
        earn.MapGet("/quizzes/daily", DailyAsync).WithName("GetDailyQuiz").WithSummary("Today's five questions, without their answers.");
        earn.MapPost("/quizzes/daily/submit", SubmitDailyAsync).WithName("SubmitDailyQuiz").WithSummary("Grades today's quiz: a point per right answer, once a day.");
        earn.MapPost("/checkins", CheckInAsync).WithName("CheckInWithCode").WithSummary("Checks in at an event or venue with the code from its QR code.");
        earn.MapGet("/me/points", MyPointsAsync).WithName("GetMyPoints").WithSummary("Balance, today's points and tasks, streak and the latest ledger entries.");

        var read = api.MapGroup("").WithTags("Learning");
        read.MapGet("/leaderboards/{board}", LeaderboardAsync).WithName("GetLeaderboard").RequireAuthorization()
            .WithSummary("people, organisations or regions; ?period=day|week|all; organisations and regions rank by points per member unless ?by=total. "
                + "The people board lists only those who chose to be named (profile setting), ranked among themselves; me is my place among them either way.");
        read.MapGet("/certificates/{code}", VerifyAsync).WithName("VerifyCertificate").WithSummary("Whether a certificate is genuine.");
        read.MapGet("/requests", RequestsAsync).WithName("ListTopicRequests").WithSummary("Topics workers asked for, most wanted first.");
        var ask = api.MapGroup("/requests").WithTags("Learning")
            .RequireAuthorization(PermissionPolicy.For(Permissions.RequestTopics))
            .RequireRateLimiting(LearningModule.PointsRateLimit);
        ask.MapPost("", AskAsync).WithName("AskForTopic").WithSummary("Asks for a topic (点单).");
        ask.MapPost("/{id:long}/vote", VoteAsync).WithName("VoteForTopic").WithSummary("Adds my vote to a request; voting twice counts once.");
        return api;
    }

    private static async Task<Results<Created<Opened>, Ok<Opened>, ProblemHttpResult>> OpenAsync(OpenRequest request, HttpContext context, StudySessions sessions,
        ISession session)
    {
        if (string.IsNullOrWhiteSpace(request.ContentItemId) || await sessions.OpenAsync(context.User.LearnerId()!.Value, request.ContentItemId) is not { } opened)
        {
            return Refusal.NotFound("这节课").Problem();
        }

        await session.SaveChangesAsync();
        var body = new Opened(opened.SessionId, opened.MinSeconds, opened.MediaSecondsRequired, opened.ElapsedSeconds, opened.MediaSeconds, opened.Resumed);
        return opened.Resumed ? TypedResults.Ok(body) : TypedResults.Created($"/api/v1/study/sessions/{opened.SessionId}", body);
    }

    private static async Task<Results<Ok<Beat>, ProblemHttpResult>> HeartbeatAsync(string id, HeartbeatRequest request, HttpContext context, StudySessions sessions, ISession session)
    {
        if (!StudySessions.IsPlausible(request.MediaSeconds))
        {
            return Refusal.MediaSecondsInvalid.Problem();
        }

        var (beat, refusal) = await sessions.HeartbeatAsync(context.User.LearnerId()!.Value, id, request.MediaSeconds);
        if (beat is null)
        {
            return refusal!.Problem();
        }

        await session.SaveChangesAsync();
        return TypedResults.Ok(new Beat(beat.MediaSeconds, beat.MediaSecondsRequired, beat.ElapsedSeconds));
    }

    private static async Task<Results<Ok<Completed>, ProblemHttpResult>> CompleteAsync(string id, HttpContext context, StudySessions sessions, ISession session)
    {
        var (done, refusal) = await sessions.CompleteAsync(context.User.LearnerId()!.Value, id);
        if (done is null)
        {
            return refusal!.Problem();
        }

        await session.SaveChangesAsync();
        if (done.NothingAwarded is { } none)
        {
            // The study counted (progress, streak), but it earned nothing: say why, with the balance.
            return none.Problem(new Dictionary<string, object?> { ["balance"] = done.Balance, ["studied"] = true });
        }

        return TypedResults.Ok(new Completed(done.Awarded, done.Balance, done.StreakDays,
            done.Certificates.Select(c => new CertificateLink(c.Code, c.CourseTitle, $"/certificates/{c.Code}")).ToList()));
    }

    private static async Task<Results<Ok<Graded>, ProblemHttpResult>> SubmitQuizAsync(string contentItemId, QuizSubmission submission, HttpContext context,
        QuizService quizzes, ISession session)
    {
        if (await quizzes.SubmitAsync(context.User.LearnerId(), contentItemId, submission.Answers ?? []) is not { } grade)
        {
            return Refusal.NotFound("这节课").Problem();
        }

        await session.SaveChangesAsync();
        var results = Results(grade.Results, grade.Feedback);
        if (grade.NothingAwarded is { } none)
        {
            return none.Problem(new Dictionary<string, object?>
            {
                ["balance"] = grade.Balance, ["correct"] = grade.Correct, ["results"] = results, ["attemptsLeft"] = grade.AttemptsLeft,
            });
        }

        return TypedResults.Ok(new Graded(grade.Correct, grade.Results.Count, grade.Needed, grade.Passed, grade.Awarded, grade.Balance, results, grade.AttemptsLeft));
    }

    /// <summary>
    /// Only what the grade may tell: which answers were right after a pass or the day's last attempt, the
    /// right answers and explanations only after a pass, so failed attempts cannot be turned into a pass.
    /// </summary>
    internal static IReadOnlyList<QuestionResult> Results(IReadOnlyList<QuizResult> results, QuizFeedback feedback) =>
        results.Select(r => new QuestionResult(r.Number, feedback >= QuizFeedback.Marks ? r.Right : null, r.Chosen,
            feedback == QuizFeedback.Answers ? r.Answer : null, feedback == QuizFeedback.Answers ? r.Explanation : null)).ToList();

    private static async Task<Ok<DailyQuiz>> DailyAsync(HttpContext context, QuizService quizzes)
    {
        var (day, questions) = await quizzes.DailyAsync(context.User.LearnerId()!.Value);
        return TypedResults.Ok(new DailyQuiz(day, questions));
    }

    private static async Task<Results<Ok<DailyGraded>, ProblemHttpResult>> SubmitDailyAsync(DailySubmission submission, HttpContext context, QuizService quizzes, ISession session)
    {
        var (grade, refusal) = await quizzes.SubmitDailyAsync(context.User.LearnerId()!.Value, submission.Answers ?? new Dictionary<string, int>());
        if (grade is null)
        {
            return refusal!.Problem();
        }

        await session.SaveChangesAsync();
        return TypedResults.Ok(new DailyGraded(grade.Correct, grade.Awarded, grade.Balance, Results(grade.Results, QuizFeedback.Answers)));
    }

    private static async Task<Results<Ok<CheckInDone>, ProblemHttpResult>> CheckInAsync(CheckInRequest request, HttpContext context, CheckInService checkIns, ISession session)
    {
        var (done, refusal) = await checkIns.CheckInAsync(context.User.LearnerId()!.Value, request.Code ?? "");
        if (done is null)
        {
            return refusal!.Problem();
        }

        await session.SaveChangesAsync();
        return TypedResults.Ok(new CheckInDone(done.ItemId, done.Title, done.Awarded, done.Balance, done.NothingAwarded?.Message));
    }

    private static async Task<Ok<MyPoints>> MyPointsAsync(HttpContext context, PointsLedger ledger, LearningProgress progress, PointsRuleStore rules,
        ISession session, int? take)
    {
        var user = context.User.LearnerId()!.Value;
        await progress.VisitAsync(user);
        await session.SaveChangesAsync();
        var tasks = await ledger.TodayAsync(user, rules);
        var entries = await ledger.EntriesAsync(user, Math.Clamp(take ?? 20, 1, 100));
        return TypedResults.Ok(new MyPoints(await ledger.BalanceAsync(user), tasks.Sum(t => t.Today), await progress.StreakAsync(user),
            tasks.Select(t => new DailyTask(t.Activity, t.Name, t.Points, t.Today, t.DailyCap)).ToList(),
            entries.Select(e => new Entry(e.Id, e.Rule, e.Points, e.SourceId, DateTime.SpecifyKind(e.CreatedUtc, DateTimeKind.Utc), e.StudyDay, e.Reason)).ToList()));
    }

    private static async Task<Results<Ok<Leaderboard>, ProblemHttpResult>> LeaderboardAsync(string board, string? period, string? by, HttpContext context,
        LeaderboardReader boards, ITermTrees terms)
    {
        var result = await boards.BoardAsync(terms, board, period ?? "week", by != "total", 100, context.User.LearnerId());
        if (result is null)
        {
            return TypedResults.Problem(title: "没有这个排行榜：board 为 people、organisations 或 regions，period 为 day、week 或 all", statusCode: 404);
        }

        Ranked Map(BoardEntry e) => new(e.Rank, e.Name, e.Points, board == "people" ? null : e.Members, board == "people" ? null : e.Participants);
        return TypedResults.Ok(new Leaderboard(board, result.Period, result.Entries.Select(Map).ToList(), result.Me is null ? null : Map(result.Me), result.CountedUtc,
            board == "people" ? result.MeNamed : null));
    }

    private static async Task<Ok<Verified>> VerifyAsync(string code, LearningProgress progress)
    {
        var certificate = code.Length is > 0 and <= 32 ? await progress.CertificateAsync(code) : null;
        return TypedResults.Ok(certificate is null
            ? new Verified(false, null, null, null)
            : new Verified(true, certificate.LearnerName, certificate.CourseTitle, certificate.IssuedUtc));
    }

    private static async Task<Ok<IReadOnlyList<Request>>> RequestsAsync(HttpContext context, TopicRequestStore requests) =>
        TypedResults.Ok<IReadOnlyList<Request>>((await requests.ListAsync(context.User.LearnerId(), 50))
            .Select(r => new Request(r.Id, r.Title, r.Detail, r.Votes, r.Status, r.VotedByMe)).ToList());

    private static async Task<Results<Created<Request>, ValidationProblem>> AskAsync(AskRequest request, HttpContext context, TopicRequestStore requests, ISession session)
    {
        var (id, errors) = await requests.AskAsync(context.User.LearnerId()!.Value, request.Title, request.Detail);
        if (id is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "点单没有提交");
        }

        await session.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/requests/{id}", new Request(id.Value, request.Title!.Trim(), request.Detail?.Trim() ?? "", 1, "open", true));
    }

    private static async Task<Results<NoContent, NotFound>> VoteAsync(long id, HttpContext context, TopicRequestStore requests, ISession session)
    {
        if (!await requests.VoteAsync(context.User.LearnerId()!.Value, id))
        {
            return TypedResults.NotFound();
        }

        await session.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
