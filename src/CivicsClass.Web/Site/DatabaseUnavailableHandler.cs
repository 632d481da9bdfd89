using CivicsClass.Data.Dialects;
using Microsoft.AspNetCore.Diagnostics;

namespace CivicsClass.Web.Site;

/// <summary>
/// While the database cannot be reached, pages answer 503 with a short Chinese page (the API with a
/// problem document) and a Retry-After, instead of a 500; nothing needs restarting afterwards, since
/// the pool's dead connections are dropped and the next request succeeds once the database is back.
/// </summary>
public sealed class DatabaseUnavailableHandler(ISqlDialect dialect, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const string Message = "数据库暂时无法连接，请稍后再试。";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientFailures.IsTransient(exception) || context.Response.HasStarted)
        {
            return false;
        }

        dialect.DropIdleConnections(); // after a restart every pooled connection is dead: the next request opens a fresh one

        logger.LogWarning("The database is unavailable: {Error}", exception.GetBaseException().Message);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        context.Response.Headers.CacheControl = "no-store";
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await Results.Problem(title: Message, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return true;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="15"><title>请稍后再试 · 中国工人大思政课</title>
            <link rel="stylesheet" href="/_content/CivicsClass.Theme/css/site.css"></head>
            <body>
            <h1>请稍后再试</h1><p>{Message}</p><p>页面会自动刷新。</p></body></html>
            """, cancellationToken);
        return true;
    }
}
