using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Content.Handlers;

internal sealed class ContentHandlerInvoker(IEnumerable<IContentHandler> handlers, ILogger<ContentHandlerInvoker> logger)
{
    public async Task ValidateAsync(ContentItem item, ISession session, ContentValidationResult result)
    {
        var context = new ValidateContentContext(item, session, result);
        foreach (var handler in handlers)
        {
            await handler.ValidatingAsync(context);
        }
    }

    public async Task InvokeAsync(ContentItem item, ISession session, Func<IContentHandler, ContentContext, Task> handle, string eventName)
    {
        var context = new ContentContext(item, session);
        var (_, transaction) = await session.BeginWriteAsync();
        foreach (var handler in handlers)
        {
            // A savepoint per handler: on PostgreSQL a failed statement would otherwise doom the
            // whole transaction, and the content change with it.
            await transaction.SaveAsync("content_handler");
            try
            {
                await handle(handler, context);
                await transaction.ReleaseAsync("content_handler");
            }
            catch (Exception exception) when (exception is not Data.Documents.ConcurrencyException)
            {
                await transaction.RollbackAsync("content_handler");
                logger.LogError(exception, "{Handler} failed on {Event} of {ContentItemId}", handler.GetType().Name, eventName, item.ContentItemId);
            }
        }
    }
}
