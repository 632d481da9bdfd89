using CivicsClass.Content.Security;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Rounds;
using CivicsClass.Learning.Study;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ISession = CivicsClass.Data.Documents.ISession;
using LearningPermissions = CivicsClass.Learning.Permissions;

namespace CivicsClass.Contests.Site;

/// <summary>The contests on the site: the list, a contest's page, and a round from its start to its result.</summary>
internal sealed class ContestsController(ISession session, IStringLocalizer<SiteText> text, TimeProvider clock) : Controller
{
    private long Me => User.LearnerId() ?? throw new InvalidOperationException("A signed-in learner is required.");

    [HttpGet]
    public async Task<IActionResult> Index([FromServices] ContestDirectory contests)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = (await contests.ListAsync()).Select(c => new ContestCardRow(c.Title, c.Path, c.Summary, c.StartsUtc, c.EndsUtc, c.IsRunning(now))).ToList();
        return View(new ContestListViewModel(new PageMeta(text["Contests"], text["ContestsIntro"], "/contests"), list));
    }

    [HttpGet]
    public async Task<IActionResult> Show(string slug, [FromServices] ContestDirectory contests, [FromServices] ContestPageBuilder pages)
    {
        if (await contests.BySlugAsync(slug) is not var (contest, item))
        {
            return NotFound();
        }

        return View("Contest", await pages.BuildAsync(contest, item, User.LearnerId(), TempData["Message"] as string));
    }

    [HttpPost]
    [RequirePermission(LearningPermissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ContestsModule.RateLimit)]
    public async Task<IActionResult> Start(string slug, [FromServices] ContestDirectory contests, [FromServices] RoundService rounds)
    {
        if (await contests.BySlugAsync(slug) is not var (contest, _))
        {
            return NotFound();
        }

        var (start, refusal) = await rounds.StartAsync(contest, Me);
        await session.SaveChangesAsync();
        if (start is null)
        {
            TempData["Message"] = refusal!.Message;
            return LocalRedirect(contest.Path);
        }

        return LocalRedirect($"/contests/rounds/{start.Round.Id}");
    }

    [HttpGet]
    [Authorize]
    public async Task<IActionResult> Round(string id, [FromServices] RoundStore store, [FromServices] ContestDirectory contests, [FromServices] RoundService rounds)
    {
        if (id.Length > 64 || await store.GetAsync(id) is not { } round || round.UserId != Me || await contests.GetAsync(round.ContestId) is not { } contest)
        {
            return NotFound();
        }

        var secondsLeft = (int)Math.Floor((round.Deadline - clock.GetUtcNow().UtcDateTime).TotalSeconds);
        if (round.Finished || secondsLeft < 0)
        {
            var result = await rounds.ResultAsync(contest, round);
            await session.SaveChangesAsync();
            return View("Result", ResultModel(contest, result!));
        }

        var answered = await store.AnswersAsync(round.Id, round.Deadline);
        var questions = round.Questions.Select((q, i) => new ContestQuestionRow(i + 1, q.Question, q.Options, answered.TryGetValue(i + 1, out var a) ? a : null)).ToList();
        return View("Round", new ContestRoundViewModel(new PageMeta(contest.Title), round.Id, contest.Title, contest.Path, secondsLeft, round.Attempt, questions));
    }

    /// <summary>One answer, sent by the round's script as it is chosen: 204, or a problem saying why it was not taken.</summary>
    [HttpPost]
    [RequirePermission(LearningPermissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ContestsModule.RateLimit)]
    public async Task<IActionResult> Answer(string id, [FromForm] int number, [FromForm] int option, [FromServices] RoundService rounds)
    {
        if (!ModelState.IsValid)
        {
            return Problem(title: ContestRefusals.BadAnswer.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var refusal = await rounds.AnswerAsync(id, Me, number, option);
        await session.SaveChangesAsync();
        return refusal is null ? NoContent() : Problem(title: refusal.Message, statusCode: refusal.Status);
    }

    [HttpPost]
    [RequirePermission(LearningPermissions.EarnPoints)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ContestsModule.RateLimit)]
    public async Task<IActionResult> Finish(string id, [FromServices] RoundStore store, [FromServices] ContestDirectory contests, [FromServices] RoundService rounds)
    {
        if (id.Length > 64 || await store.GetAsync(id) is not { } round || round.UserId != Me || await contests.GetAsync(round.ContestId) is not { } contest)
        {
            return NotFound();
        }

        var answers = new Dictionary<int, int>();
        foreach (var (key, value) in Request.HasFormContentType ? await Request.ReadFormAsync() : FormCollection.Empty)
        {
            if (key.StartsWith('q') && int.TryParse(key.AsSpan(1), out var number) && int.TryParse(value, out var option))
            {
                answers[number] = option;
            }
        }

        var (result, refusal) = await rounds.FinishAsync(contest, id, Me, answers);
        await session.SaveChangesAsync();
        if (result is null)
        {
            TempData["Message"] = refusal!.Message;
            return LocalRedirect(contest.Path);
        }

        return View("Result", ResultModel(contest, result));
    }

    private ContestResultViewModel ResultModel(Contest contest, RoundResult result) => new(
        new PageMeta(contest.Title), contest.Title, contest.Path, result.Correct, result.Round.Total, result.Passed, result.Points,
        result.Round.VoidedUtc is null ? result.LitVenue : null, result.CertificateCode is { } code ? $"/certificates/{code}" : null,
        result.Round.VoidedUtc is not null,
        result.Questions.Select(q => new ContestGradedRow(q.Number, q.Question, q.Chosen is { } c ? q.Options[c] : null, q.Options[q.Answer], q.Right, q.Explanation)).ToList());
}
