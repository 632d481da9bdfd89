namespace CivicsClass.Web.Site;

/// <summary>
/// A HEAD request is answered as its GET would be, without the body: link checkers, crawlers and
/// monitors ask HEAD first, and pages are mapped for GET only. GET changes nothing, so neither does HEAD.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
