using CivicsClass.Content.Security;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Uploads;

/// <summary>
/// Lets an upload form's request be as large as the largest file the media settings allow (plus the
/// other fields), and no larger; the per-type limits are checked after. Like MVC's own
/// <c>RequestSizeLimit</c>, it is an authorisation filter that runs first, because the antiforgery
/// check reads the form before any other kind of filter runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class MediaUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    private const long FormOverhead = 1024 * 1024;

    public int Order => -3000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var services = context.HttpContext.RequestServices;
        var limit = services.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes + FormOverhead;
        services.GetRequiredService<IRequestBodyLimit>().Allow(context.HttpContext, limit);
    }
}
