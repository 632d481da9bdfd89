using Microsoft.Extensions.Primitives;

namespace CivicsClass.Web.Edge;

/// <summary>
/// Every route meets control characters here once, instead of each parameter being guarded where it is
/// used: a path holding one is refused with a 400, a query string is rewritten without them (so a
/// search pasted with a tab still searches), and the form is read through <see cref="CleanFormFeature"/>.
/// </summary>
internal static class ControlCharacterFilter
{
    public const string PathMessage = "请求地址中含有控制字符。";

    public static IApplicationBuilder UseControlCharacterFilter(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (ControlCharacters.Any(request.Path.Value) || ControlCharacters.Any(request.PathBase.Value))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(PathMessage);
            return;
        }

        if (request.QueryString.HasValue && request.Query.Any(p => ControlCharacters.Any(p.Key) || p.Value.Any(ControlCharacters.Any)))
        {
            request.QueryString = QueryString.Create(request.Query.Select(p => new KeyValuePair<string, StringValues>(
                ControlCharacters.Clean(p.Key, keepLineBreaks: false),
                new StringValues(p.Value.Select(v => ControlCharacters.Clean(v ?? "", keepLineBreaks: false)).ToArray()))));
        }

        if (request.HasFormContentType)
        {
            CleanFormFeature.Wrap(context);
        }

        await next(context);
    });
}
