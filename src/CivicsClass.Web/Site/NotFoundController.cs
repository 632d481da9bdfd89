using CivicsClass.Content.Items;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>The theme's 404 page, for unknown addresses and for items that are missing or unpublished.</summary>
public sealed class NotFoundController(IContentManager contentManager, CardFactory cards, IStringLocalizer<SiteText> text) : Controller
{
    [Route("/not-found")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public async Task<IActionResult> Show()
    {
        var newest = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 3, IncludeTotal = false });
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound", new NotFoundViewModel(new PageMeta(text["NotFoundTitle"]), await cards.CardsAsync(newest.Items)));
    }
}
