using CivicsClass.Content.Items;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>
/// The theme's pages for refused requests: 404 for unknown addresses and for items that are missing
/// or unpublished; 403 says a permission is missing and offers sign-in; others ask to try again.
/// Under <c>/api</c> the answer is ProblemDetails JSON instead. An unhandled exception is shown here
/// too, as a 500 that says nothing about the code; asked for directly, the page does not exist.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class NotFoundController(IContentManager contentManager, CardFactory cards, IStringLocalizer<SiteText> text) : Controller
{
    public const string ServerErrorPath = "/status/500";
    private const string ServerError = "服务器出错了，请稍后再试。";

    [Route("/not-found")]
    public async Task<IActionResult> Show()
    {
        var newest = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 3, IncludeTotal = false });
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound", new NotFoundViewModel(new PageMeta(text["NotFoundTitle"]), await cards.CardsAsync(newest.Items)));
    }

    [Route("/status/{code:int}")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Status(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var originalPath = original?.OriginalPath ?? failed?.Path;
        if (originalPath?.StartsWith("/api", StringComparison.Ordinal) == true)
        {
            string? title = code switch
            {
                StatusCodes.Status401Unauthorized => text["ApiUnauthorized"].Value,
                StatusCodes.Status403Forbidden => text["ApiForbidden"].Value,
                StatusCodes.Status404NotFound => text["NotFoundTitle"].Value,
                StatusCodes.Status500InternalServerError => ServerError,
                _ => null,
            };
            return Problem(statusCode: code, title: title);
        }

        if (code == StatusCodes.Status404NotFound || originalPath is null)
        {
            return await Show();
        }

        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status400BadRequest;
        var returnUrl = original is null ? null : original.OriginalPath + original.OriginalQueryString;
        return View("Status", new StatusViewModel(new PageMeta(text[code == StatusCodes.Status403Forbidden ? "ForbiddenTitle" : "StatusTitle"]),
            Response.StatusCode, User.Identity?.IsAuthenticated == true, returnUrl));
    }
}
