namespace CivicsClass.Web.Api;

/// <summary>
/// Reads a small JSON request body whole before the endpoint binds it. A node told to stop wakes every
/// connection's pending read (Kestrel's graceful shutdown); System.Text.Json reading straight from the
/// request's pipe takes that wake-up for a cancelled request, and an app request whose body was still
/// arriving (a phone on a slow network) failed instead of being finished. Read through the request stream,
/// the body waits for the rest.
/// </summary>
public static class JsonBodyBuffering
{
    /// <summary>The app's JSON bodies are small; anything larger is left to stream (and to the endpoint's own limits).</summary>
    private const long Largest = 64 * 1024;

    public static IApplicationBuilder UseJsonBodyBuffering(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength is > 0 and <= Largest && request.HasJsonContentType())
        {
            var body = new MemoryStream((int)request.ContentLength.Value);
            await request.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            request.Body = body;
        }

        await next(context);
    });
}
