using CivicsClass.Learning.Study;
using CivicsClass.Theme.Models;
using CivicsClass.Theme;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>
/// The front page, the start of a worker's day. Anonymous visitors share one cached page of what is
/// for everyone; a signed-in page is never cached (the output cache neither serves nor stores signed-in
/// requests) and adds the worker's day — streak, points, today's tasks, lessons to continue — lessons
/// picked for them, and the venues of the region in their profile first.
/// </summary>
[OutputCache(PolicyName = SiteModule.CachePolicy)]
public sealed class HomeController(HomePageBuilder home, CardFactory cards, IStringLocalizer<SiteText> text, CurrentPermissions permissions, UserManager<User> accounts)
    : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] MyDayBuilder days, [FromServices] Recommendations recommendations)
    {
        var signedIn = User.Identity?.IsAuthenticated == true ? await accounts.GetUserAsync(User) : null;
        var sections = await home.BuildAsync(signedIn?.RegionTermId);
        MyDay? day = null;
        IReadOnlyList<ContentCard> forYou = [];
        if (signedIn is not null && await permissions.HasAsync(Learning.Permissions.EarnPoints))
        {
            day = await days.BuildAsync(signedIn.Id);
            forYou = await cards.CardsAsync(await recommendations.ForAsync(signedIn.Id, 4));
        }

        return View(new HomeViewModel(new PageMeta(text["SiteName"], text["SiteDescription"], "/"),
            sections.Topics, sections.Newest, sections.Lecturers, sections.Venues, sections.Events, sections.Themes, forYou,
            sections.MostStudied, day, sections.Region));
    }
}
