using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Web.Site;

public sealed class CultureController : Controller
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    /// <summary>
    /// Remembers the reader's language in a cookie. A language preference is not worth forging, and
    /// a token here would make every page uncacheable, so this form carries none.
    /// </summary>
    [HttpPost("/culture")]
    [IgnoreAntiforgeryToken]
    public IActionResult Set([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        var chosen = Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Supported[0];
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
