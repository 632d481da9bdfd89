using System.Globalization;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CivicsClass.Web.Site;

/// <summary>Every published item at its address: <c>/lessons/{slug}</c>, <c>/lecturers/{slug}</c>, …</summary>
public sealed class ContentPageController(IContentManager contentManager, DetailPageBuilder pages) : Controller
{
    public const string Sections = "lessons|courses|lecturers|venues|topics|events";

    [HttpGet("/{section:regex(^(" + Sections + ")$)}/{slug}")]
    [OutputCache(PolicyName = SiteModule.CachePolicy)]
    public async Task<IActionResult> Show(string section, string slug)
    {
        var item = await contentManager.GetByPathAsync($"{section}/{slug}");
        if (item is null)
        {
            return NotFound();
        }

        return View($"Content-{item.ContentType}.Detail", await pages.BuildAsync(item));
    }

    /// <summary>
    /// Grades a quiz for anyone, signed in or not. Grading here changes nothing on the server, so it
    /// needs no antiforgery token, and the lesson page stays cacheable. The right answers reach the
    /// browser only in this response.
    /// </summary>
    [HttpPost("/lessons/{slug}/quiz")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Quiz(string slug, IFormCollection form)
    {
        var lesson = await contentManager.GetByPathAsync($"lessons/{slug}");
        if (lesson is null)
        {
            return NotFound();
        }

        var questions = lesson.Part<QuizPart>().Questions;
        var answers = questions.Select((q, n) =>
            int.TryParse(form[$"q{n + 1}"], NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen < q.Options.Count ? chosen : (int?)null).ToList();
        return View("Content-Lesson.Detail", await pages.BuildAsync(lesson, answers));
    }
}
