using CivicsClass.Content.Items;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>Every talk: the upcoming ones soonest first, then the past ones newest first, marked when a recording can be watched.</summary>
[OutputCache(PolicyName = SiteModule.CachePolicy)]
public sealed class EventsController(IContentManager contentManager, CardFactory cards, TimeProvider clock, IStringLocalizer<SiteText> text) : Controller
{
    private const int PageSize = 12;

    [HttpGet("/events")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Math.Clamp(page, 1, 10_000);
        var now = clock.GetUtcNow().UtcDateTime;
        // Upcoming talks are few and all shown; the past grows and is paged.
        var upcoming = page == 1
            ? await contentManager.QueryAsync(new ContentQuery
            {
                ContentType = "Event", Fields = [new FieldFilter("StartsAt") { From = now }],
                OrderBy = ContentOrder.DateFieldAscending, OrderField = "StartsAt", Take = 50, IncludeTotal = false,
            })
            : new ContentPage(0, []);
        var past = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Event", Fields = [new FieldFilter("StartsAt") { Until = now }],
            OrderBy = ContentOrder.DateFieldDescending, OrderField = "StartsAt", Skip = (page - 1) * PageSize, Take = PageSize,
        });
        var recorded = past.Items.Where(e => CardFactory.FirstPicked(e, "Recording") is not null).Select(e => e.ContentItemId).ToHashSet();
        var pastCards = (await cards.CardsAsync(past.Items)).Select(c => recorded.Contains(c.Id) ? c with { Badge = text["HasRecording"] } : c).ToList();

        return View(new EventsViewModel(new PageMeta(text["EventsTitle"], text["EventsDescription"], "/events"),
            await cards.CardsAsync(upcoming.Items), pastCards,
            new Pager(page, PageSize, past.Total, p => "/events" + (p == 1 ? "" : "?page=" + p))));
    }
}
