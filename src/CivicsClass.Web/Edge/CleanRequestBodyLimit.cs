using Microsoft.AspNetCore.Http.Features;

namespace CivicsClass.Web.Edge;

/// <summary>
/// A larger request for one endpoint, and a form reader with the same multipart limit, wrapped like
/// every other so its fields are still cleaned of control characters. Like MVC's own
/// <c>RequestSizeLimit</c>, it must run before the antiforgery check reads the form.
/// </summary>
internal sealed class CleanRequestBodyLimit : Content.Security.IRequestBodyLimit
{
    public void Allow(HttpContext context, long maxBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.HasFormContentType && context.Features.Get<IFormFeature>()?.Form is null)
        {
            CleanFormFeature.Wrap(context, new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
        }
    }
}
