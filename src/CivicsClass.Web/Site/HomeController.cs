using CivicsClass.Content.Items;
using CivicsClass.Learning.Study;
using CivicsClass.Theme.Models;
using CivicsClass.Theme;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

[OutputCache(PolicyName = SiteModule.CachePolicy)]
/// <summary>
/// The front page. Anonymous visitors share one cached page; a signed-in worker's page is not cached
/// and starts with lessons picked for them.
/// </summary>
public sealed class HomeController(IContentManager contentManager, CardFactory cards, TermCache terms, TimeProvider clock, IStringLocalizer<SiteText> text,
    Recommendations recommendations) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        var topics = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Topic", Fields = [new FieldFilter("Featured") { Minimum = 1 }], Take = 6, IncludeTotal = false,
        });
        var lessons = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 6, IncludeTotal = false });
        var lecturers = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lecturer", OrderBy = ContentOrder.TitleAscending, Take = 12, IncludeTotal = false });
        var venues = await contentManager.QueryAsync(new ContentQuery { ContentType = "Venue", Take = 6, IncludeTotal = false });
        var events = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Event",
            Fields = [new FieldFilter("StartsAt") { From = clock.GetUtcNow().UtcDateTime }],
            OrderBy = ContentOrder.DateFieldAscending,
            OrderField = "StartsAt",
            Take = 3,
            IncludeTotal = false,
        });
        var themes = (await terms.GetAsync()).GetValueOrDefault("Theme")?.Terms
            .Select(t => new TermLink(t.Name, $"/lessons?theme={Uri.EscapeDataString(t.Name)}")).ToList() ?? [];

        var all = await cards.CardsAsync([.. topics.Items, .. lessons.Items, .. lecturers.Items, .. venues.Items, .. events.Items]);
        IReadOnlyList<ContentCard> Of(string type) => all.Where(c => c.Type == type).ToList();
        var forYou = User.LearnerId() is { } me ? await cards.CardsAsync(await recommendations.ForAsync(me, 4)) : [];
        return View(new HomeViewModel(new PageMeta(text["SiteName"], text["SiteDescription"], "/"),
            Of("Topic"), Of("Lesson"), Of("Lecturer"), Of("Venue"), Of("Event"), themes, forYou));
    }
}
