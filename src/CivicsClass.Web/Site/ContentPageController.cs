using System.Globalization;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Learning.Quizzes;
using CivicsClass.Learning.Study;
using CivicsClass.Theme.Models;
using CivicsClass.Theme;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>
/// Every published item at its address: <c>/lessons/{slug}</c>, <c>/lecturers/{slug}</c>, and the
/// addresses of types an administrator created. Its order puts it after every other route, the
/// modules' conventional routes (<c>/admin/analytics</c>, <c>/learning/daily-quiz</c>) included.
/// </summary>
public sealed class ContentPageController(IContentManager contentManager, ContentDefinitionManager definitions, DetailPageBuilder pages, PageModelCache pageModels, CurrentPermissions permissions, ISession session)
    : Controller
{
    /// <summary>
    /// A published item. Anonymous visitors get the cached page; a signed-in worker's page of a studied
    /// type (a lesson) also shows the study panel, whose script opens a study session by POST (a GET changes nothing, so a
    /// link or an image pointing at a lesson cannot supersede the session a worker is in). The panel shows
    /// the open session on the lesson where there is one, so going back to a lesson shows the time it has.
    /// </summary>
    [HttpGet("/{section}/{slug}", Order = 10_000)]
    [OutputCache(PolicyName = SiteModule.CachePolicy)]
    public async Task<IActionResult> Show(string section, string slug, [FromServices] StudySessions sessions, [FromServices] LearningProgress progress,
        [FromServices] Recommendations recommendations, [FromServices] CardFactory cards)
    {
        var item = await contentManager.GetByPathAsync($"{section}/{slug}");
        if (item is null)
        {
            return NotFound();
        }

        var page = await pageModels.GetOrBuildAsync(item, () => pages.BuildAsync(item));
        var learner = User.LearnerId();
        if (learner is not null && await definitions.IsStudiedAsync(item.ContentType) && await permissions.HasAsync(Learning.Permissions.EarnPoints))
        {
            var study = await StudyPanelAsync(item, learner.Value, sessions, progress);
            if (page is LessonViewModel lesson)
            {
                var forYou = await cards.CardsAsync(await recommendations.ForAsync(learner.Value, 3, except: item.ContentItemId));
                page = lesson with
                {
                    ForYou = forYou,
                    Related = lesson.Related.Where(r => forYou.All(f => f.Url != r.Url)).ToList(),
                    Study = study,
                    Quiz = lesson.Quiz is null ? null : lesson.Quiz with { Signed = true },
                };
            }
            else if (page is ItemViewModel other)
            {
                page = other with { Study = study };
            }
        }

        ViewData["CanShowCheckIn"] = (await definitions.GetTypeAsync(item.ContentType))?.CheckIn is CheckInKind.Anytime or CheckInKind.AroundStart
            && await permissions.HasAsync(Learning.Permissions.ShowCheckInCodes);
        return View(page is ItemViewModel ? "Content.Detail" : $"Content-{item.ContentType}.Detail", page);
    }

    /// <summary>The worker's study of an item of a studied type: its terms, or the session they have open on it.</summary>
    private async Task<StudyPanel> StudyPanelAsync(ContentItem item, long learner, StudySessions sessions, LearningProgress progress)
    {
        var terms = await sessions.TermsAsync(item);
        var studied = (await progress.LessonAsync(learner, item.ContentItemId))?.StudiedUtc is not null;
        var open = studied ? null : await sessions.CurrentAsync(learner, item.ContentItemId);
        var notice = TempData[StudyPanel.NoticeKey] as string;
        return open is null
            ? new StudyPanel(item.ContentItemId, terms.MinSeconds, terms.MediaSecondsRequired, studied, Notice: notice, ListeningOptional: terms.ListeningOptional)
            : new StudyPanel(item.ContentItemId, open.MinSeconds, open.MediaSecondsRequired, studied, open.SessionId, open.ElapsedSeconds, open.MediaSeconds,
                notice, terms.ListeningOptional);
    }

    /// <summary>
    /// Grades a quiz. For anonymous visitors grading changes nothing on the server, so it needs no
    /// antiforgery token and the lesson page stays cacheable; they learn only their score. A signed-in
    /// worker's submission counts as one of the day's attempts and can earn points, so its token is
    /// checked; it shows which answers were right only after a pass or the day's last attempt, and the
    /// right answers only after a pass.
    /// </summary>
    [HttpPost("/lessons/{slug}/quiz")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Quiz(string slug, IFormCollection form, [FromServices] QuizService quizzes, [FromServices] IAntiforgery antiforgery,
        [FromServices] IStringLocalizer<SiteText> text)
    {
        var lesson = await contentManager.GetByPathAsync($"lessons/{slug}");
        if (lesson is null)
        {
            return NotFound();
        }

        var questions = lesson.Part<Content.Parts.QuizPart>().Questions;
        var answers = questions.Select((q, n) =>
            int.TryParse(form[$"q{n + 1}"], NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen < q.Options.Count ? chosen : (int?)null).ToList();
        var page = (LessonViewModel)await pages.BuildAsync(lesson, answers);
        if (page.Quiz is null)
        {
            return View("Content-Lesson.Detail", page);
        }

        long? learner = User.LearnerId() is { } id && await permissions.HasAsync(Learning.Permissions.EarnPoints) ? id : null;
        if (learner is not null && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        var grade = (await quizzes.SubmitAsync(learner, lesson.ContentItemId, answers))!;
        if (learner is not null)
        {
            await session.SaveChangesAsync();
        }

        var note = learner is null ? text["QuizSignInToEarn"].Value : grade.NothingAwarded?.Message ?? text["QuizAwarded", grade.Awarded, grade.Balance].Value;
        page = page with
        {
            Quiz = page.Quiz with
            {
                Results = grade.Results.Count == 0 ? null : page.Quiz.Results,
                Marks = grade.Feedback >= QuizFeedback.Marks,
                Reveal = grade.Feedback == QuizFeedback.Answers,
                Note = note,
                Signed = learner is not null,
            },
        };
        return View("Content-Lesson.Detail", page);
    }
}
