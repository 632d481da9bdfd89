using System.Globalization;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Security;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Learning.CheckIns;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Quizzes;
using CivicsClass.Learning.TopicRequests;
using CivicsClass.Theme.Models;
using CivicsClass.Theme;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ISession = CivicsClass.Data.Documents.ISession;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Learning.Study;

/// <summary>
/// The worker's side of the learning loop on the site: my learning, the daily quiz, leaderboards,
/// certificates, check-in and topic requests, and the study panel's completion and heartbeats.
/// </summary>
public sealed class LearningController(
    ISession session,
    LearningProgress progress,
    IContentManager contentManager,
    IContentCards cards,
    Recommendations recommendations,
    IStringLocalizer<SiteText> text,
    IAuthorizationService authorization,
    TimeProvider clock) : Controller
{
    private long Me => User.LearnerId() ?? throw new InvalidOperationException("A signed-in learner is required.");

    [HttpGet]
    [Authorize]
    public async Task<IActionResult> Index([FromServices] MyLearningPageBuilder page) => View(await page.BuildAsync(Me));

    /// <summary>
    /// Opens, or resumes, a study session on a lesson. The study panel's script posts here when the page has
    /// loaded and reads the answer as JSON; without script the panel's button posts here and is sent back to
    /// the lesson, which then shows the open session. A page view itself never opens or supersedes a session.
    /// </summary>
    [HttpPost]
    [RequirePermission(Permissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(LearningModule.PointsRateLimit)]
    public async Task<IActionResult> Open([FromForm] string? lesson, [FromServices] StudySessions sessions)
    {
        if (string.IsNullOrWhiteSpace(lesson) || await sessions.OpenAsync(Me, lesson) is not { } opened)
        {
            return WantsJson
                ? Problem(title: Refusal.NotFound("这节课").Message, statusCode: StatusCodes.Status404NotFound)
                : NotFound();
        }

        await session.SaveChangesAsync();
        return WantsJson
            ? Json(new { opened.SessionId, opened.MinSeconds, opened.MediaSecondsRequired, opened.ElapsedSeconds, opened.MediaSeconds, opened.Resumed })
            : await BackToLessonAsync(lesson);
    }

    /// <summary>
    /// Completes a session. A refusal (too early, media not yet played, opened again elsewhere) is never an
    /// error page: the worker is sent back to the lesson, whose study panel says why and how much is left.
    /// </summary>
    [HttpPost]
    [RequirePermission(Permissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(LearningModule.PointsRateLimit)]
    public async Task<IActionResult> Complete(string id, [FromServices] StudySessions sessions)
    {
        var (done, refusal) = await sessions.CompleteAsync(Me, id);
        if (done is null)
        {
            if (await sessions.LessonOfAsync(Me, id) is { } lesson)
            {
                TempData[StudyPanel.NoticeKey] = refusal!.Message;
                return await BackToLessonAsync(lesson);
            }

            Response.StatusCode = refusal!.Status;
            return Outcome(false, text["StudyNotCounted"], refusal.Message, ("/learning", text["MyLearning"]));
        }

        await session.SaveChangesAsync();
        var links = new List<(string, string)> { ("/learning", text["MyLearning"]) };
        links.AddRange(done.Certificates.Select(c => ($"/certificates/{c.Code}", (string)text["ViewCertificate", c.CourseTitle])));
        var message = done.NothingAwarded?.Message ?? text["StudyAwarded", done.Awarded, done.Balance];
        var next = await cards.CardsAsync(await recommendations.ForAsync(Me, 3));
        return View("Outcome", new OutcomeViewModel(new PageMeta(text["StudyCounted"]), true, text["StudyCounted"], message, links, next));
    }

    /// <summary>
    /// The panel's script reports media played (0 for a lesson without) every few seconds and on play and pause;
    /// the answer is the server's count — media seconds and the seconds since the session was first opened —
    /// which the panel shows, so the button turns live when the server would count the study.
    /// </summary>
    [HttpPost]
    [RequirePermission(Permissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(LearningModule.PointsRateLimit)]
    public async Task<IActionResult> Heartbeat(string id, double mediaSeconds, [FromServices] StudySessions sessions)
    {
        if (!ModelState.IsValid || !StudySessions.IsPlausible(mediaSeconds))
        {
            return Problem(title: Refusal.MediaSecondsInvalid.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var (beat, refusal) = await sessions.HeartbeatAsync(Me, id, mediaSeconds);
        if (beat is null)
        {
            return Problem(title: refusal!.Message, statusCode: refusal.Status);
        }

        await session.SaveChangesAsync();
        return Json(new { beat.MediaSeconds, beat.MediaSecondsRequired, beat.ElapsedSeconds });
    }

    [HttpGet]
    [RequirePermission(Permissions.EarnPoints)]
    public async Task<IActionResult> DailyQuiz([FromServices] QuizService quizzes)
    {
        if (await quizzes.DailyDoneAsync(Me))
        {
            return View(new DailyQuizViewModel(new PageMeta(text["DailyQuiz"]), [], null, 0, null, DoneToday: true));
        }

        var (_, questions) = await quizzes.DailyAsync(Me);
        return View(new DailyQuizViewModel(new PageMeta(text["DailyQuiz"]),
            questions.Select((q, n) => new DailyQuestionView(q.Id, n + 1, q.Question, q.Options)).ToList(), null, 0, null));
    }

    [HttpPost]
    [RequirePermission(Permissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(LearningModule.PointsRateLimit)]
    public async Task<IActionResult> DailyQuiz(IFormCollection form, [FromServices] QuizService quizzes)
    {
        var answers = form.Keys.Where(k => k.StartsWith("a:", StringComparison.Ordinal))
            .Select(k => (Id: k[2..], Ok: int.TryParse(form[k], NumberStyles.None, CultureInfo.InvariantCulture, out var choice), Choice: choice))
            .Where(a => a.Ok).ToDictionary(a => a.Id, a => a.Choice, StringComparer.Ordinal);
        var (grade, refusal) = await quizzes.SubmitDailyAsync(Me, answers);
        var (_, questions) = await quizzes.DailyAsync(Me);
        var views = questions.Select((q, n) => new DailyQuestionView(q.Id, n + 1, q.Question, q.Options)).ToList();
        if (grade is null)
        {
            Response.StatusCode = refusal!.Status;
            return View(new DailyQuizViewModel(new PageMeta(text["DailyQuiz"]), views, null, 0, refusal.Message));
        }

        await session.SaveChangesAsync();
        var results = grade.Results.Select(r => new QuizResultView(r.Number, r.Question, r.Options, r.Chosen, r.Answer, r.Explanation)).ToList();
        return View(new DailyQuizViewModel(new PageMeta(text["DailyQuiz"]), views, results, grade.Awarded, text["DailyQuizAwarded", grade.Correct, grade.Awarded]));
    }

    [HttpGet]
    [Authorize]
    public async Task<IActionResult> Leaderboards(string? board, string? period, string? by, [FromServices] LeaderboardReader boards, [FromServices] ITermTrees terms)
    {
        board = board is "organisations" or "regions" ? board : "people";
        period = period is "day" or "all" ? period : "week";
        var perMember = by != "total";
        var result = await boards.BoardAsync(terms, board, period, perMember, 50, Me);
        RankRow Row(BoardEntry e) => new(e.Rank, e.Name, e.Points, e.Members, e.Participants, e.Id == result!.Me?.Id);
        return View(new LeaderboardViewModel(new PageMeta(text["Leaderboards"]), board, period, perMember,
            result!.Entries.Select(Row).ToList(), result.Me is null ? null : Row(result.Me), result.CountedUtc, result.MeNamed));
    }

    /// <summary>A certificate and its verification: the QR code on the printout leads back here.</summary>
    [HttpGet]
    public async Task<IActionResult> Certificate(string code)
    {
        var certificate = code.Length is > 0 and <= 32 ? await progress.CertificateAsync(code) : null;
        var url = $"{Request.Scheme}://{Request.Host}/certificates/{Uri.EscapeDataString(code)}";
        if (certificate is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new CertificateViewModel(new PageMeta(text["Certificate"]), certificate is not null, code, certificate?.LearnerName,
            certificate?.CourseTitle, certificate?.IssuedUtc, url, certificate is null ? "" : QrCodes.Svg(url), certificate?.Kind == "contest"));
    }

    [HttpGet]
    [Authorize]
    public async Task<IActionResult> CheckIn(string? code)
    {
        var place = code?.Split('.')[0] is { Length: > 0 } id ? (await contentManager.GetAsync(id))?.DisplayText : null;
        return View(new CheckInViewModel(new PageMeta(text["CheckIn"]), code ?? "", place));
    }

    [HttpPost]
    [RequirePermission(Permissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(LearningModule.PointsRateLimit)]
    public async Task<IActionResult> CheckIn(string? code, [FromServices] CheckInService checkIns)
    {
        var (done, refusal) = await checkIns.CheckInAsync(Me, code ?? "");
        if (done is null)
        {
            Response.StatusCode = refusal!.Status;
            return Outcome(false, text["CheckInFailed"], refusal.Message, ("/learning", text["MyLearning"]));
        }

        await session.SaveChangesAsync();
        return Outcome(true, text["CheckInDone", done.Title], done.NothingAwarded?.Message ?? text["StudyAwarded", done.Awarded, done.Balance], ("/learning", text["MyLearning"]));
    }

    /// <summary>The organiser's screen: a QR code that changes every minute; the page reloads itself before it expires.</summary>
    [HttpGet]
    [RequirePermission(Permissions.ShowCheckInCodes)]
    public async Task<IActionResult> ShowCode(string id, [FromServices] CheckInService checkIns)
    {
        if (await contentManager.GetAsync(id) is not { } item || await checkIns.KindAsync(item) == CheckInKind.None)
        {
            return NotFound();
        }

        var code = await checkIns.CodeAsync(item.ContentItemId);
        var url = $"{Request.Scheme}://{Request.Host}/checkin?code={Uri.EscapeDataString(code.Code)}";
        var refresh = Math.Max(5, (int)(code.ExpiresUtc - clock.GetUtcNow().UtcDateTime).TotalSeconds + 1);
        Response.Headers.CacheControl = "no-store";
        return View("CheckInCode", new CheckInCodeViewModel(new PageMeta(text["CheckInCode"]), item.DisplayText, url, QrCodes.Svg(url), code.ExpiresUtc, refresh));
    }

    [HttpGet]
    public async Task<IActionResult> Requests([FromServices] TopicRequestStore requests) =>
        View(await RequestsModelAsync(requests, new FormErrors(), null, null, null));

    [HttpPost]
    [RequirePermission(Permissions.RequestTopics)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(LearningModule.PointsRateLimit)]
    public async Task<IActionResult> Ask(string? title, string? detail, [FromServices] TopicRequestStore requests)
    {
        var (id, errors) = await requests.AskAsync(Me, title, detail);
        if (id is null)
        {
            var form = new FormErrors();
            foreach (var (field, message) in errors)
            {
                form.Add(field, message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Requests", await RequestsModelAsync(requests, form, title, detail, null));
        }

        await session.SaveChangesAsync();
        return View("Requests", await RequestsModelAsync(requests, new FormErrors(), null, null, text["RequestAdded"]));
    }

    [HttpPost]
    [RequirePermission(Permissions.RequestTopics)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(LearningModule.PointsRateLimit)]
    public async Task<IActionResult> Vote(long id, [FromServices] TopicRequestStore requests)
    {
        if (!await requests.VoteAsync(Me, id))
        {
            return NotFound();
        }

        await session.SaveChangesAsync();
        return Redirect("/requests");
    }

    private async Task<RequestsViewModel> RequestsModelAsync(TopicRequestStore requests, FormErrors errors, string? title, string? detail, string? message) =>
        new(new PageMeta(text["Requests"]),
            (await requests.ListAsync(User.LearnerId(), 100)).Select(r => new RequestRow(r.Id, r.Title, r.Detail, r.Votes, r.Status, r.VotedByMe)).ToList(),
            (await authorization.AuthorizeAsync(User, PermissionPolicy.For(Permissions.RequestTopics))).Succeeded, errors, title, detail, message);

    /// <summary>The study panel's script asks for JSON; a form posted by the browser itself gets pages.</summary>
    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>303 to the lesson's study panel (the lesson page reads what to say from temp data).</summary>
    private async Task<IActionResult> BackToLessonAsync(string lessonId)
    {
        if (await contentManager.GetAsync(lessonId) is not { } lesson)
        {
            return NotFound();
        }

        Response.Headers.Location = cards.UrlOf(lesson) + "#study";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private ViewResult Outcome(bool success, string heading, string message, params (string Url, string Text)[] links) =>
        View("Outcome", new OutcomeViewModel(new PageMeta(heading), success, heading, message, links));
}
