using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Theme;

/// <summary>
/// Renders a card with the most specific template there is: <c>Content-{Type}.{Display}</c>, else
/// <c>Content.{Display}</c>. A theme overrides one type's summary by adding one file.
/// </summary>
public static class ContentTemplates
{
    public static Task<IHtmlContent> ContentAsync(this IHtmlHelper html, ContentCard card, string display)
    {
        var engine = html.ViewContext.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var specific = $"Content-{card.Type}.{display}";
        var name = engine.FindView(html.ViewContext, specific, isMainPage: false).Success ? specific : $"Content.{display}";
        return html.PartialAsync(name, card);
    }
}
