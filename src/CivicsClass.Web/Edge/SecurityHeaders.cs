using Microsoft.Net.Http.Headers;

namespace CivicsClass.Web.Edge;

/// <summary>
/// The headers every response of the site, the admin and the API carries, whatever answers it (a page,
/// the output cache, a static file, an error page): the Content-Security-Policy, no framing, no MIME
/// sniffing, and the origin only as referrer to other sites. They are set before the request goes on
/// (so the output cache keeps them with a page) and set again as the response starts if an error
/// handler cleared them.
/// </summary>
internal static class SecurityHeaders
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var policy = context.RequestServices.GetRequiredService<ContentSecurityPolicy>();
        Write(context.Response.Headers, policy, overwrite: true);
        context.Response.OnStarting(() =>
        {
            Write(context.Response.Headers, policy, overwrite: false);
            return Task.CompletedTask;
        });
        await next(context);
    });

    private static void Write(IHeaderDictionary headers, ContentSecurityPolicy policy, bool overwrite)
    {
        Set(headers, HeaderNames.ContentSecurityPolicy, policy.Value, overwrite);
        Set(headers, HeaderNames.XFrameOptions, "DENY", overwrite);
        Set(headers, HeaderNames.XContentTypeOptions, "nosniff", overwrite);
        Set(headers, "Referrer-Policy", ReferrerPolicy, overwrite);
    }

    private static void Set(IHeaderDictionary headers, string name, string value, bool overwrite)
    {
        if (overwrite || !headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }
}
