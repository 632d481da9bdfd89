using CivicsClass.Media;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace CivicsClass.Web.Media;

/// <summary>
/// Lets an upload form's request be as large as the largest file the media settings allow (plus the
/// other fields), and no larger. Runs before the form is read; the per-type limits are checked after.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class MediaUploadLimitAttribute : Attribute, IResourceFilter, IOrderedFilter
{
    private const long FormOverhead = 1024 * 1024;

    // Before MVC's own form and size filters, so these limits are the ones in force.
    public int Order => -3000;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes + FormOverhead;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var request = context.HttpContext.Request;
        if (request.HasFormContentType && context.HttpContext.Features.Get<IFormFeature>()?.Form is null)
        {
            context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
