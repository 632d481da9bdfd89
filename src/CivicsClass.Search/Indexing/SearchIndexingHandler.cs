using CivicsClass.Content.Handlers;

namespace CivicsClass.Search.Indexing;

/// <summary>Queues an item for indexing whenever what the public sees of it changes.</summary>
internal sealed class SearchIndexingHandler(TimeProvider clock, SearchIndexer indexer) : IContentHandler
{
    public Task PublishedAsync(ContentContext context) => QueueAsync(context);

    public Task UnpublishedAsync(ContentContext context) => QueueAsync(context);

    public Task RemovedAsync(ContentContext context) => QueueAsync(context);

    private async Task QueueAsync(ContentContext context)
    {
        if (!SearchDocumentBuilder.IndexedTypes.Contains(context.ContentItem.ContentType))
        {
            return;
        }

        await SearchQueue.EnqueueAsync(context.Session, [context.ContentItem.ContentItemId], clock.GetUtcNow().UtcDateTime);
        context.Session.OnCommitted(() =>
        {
            indexer.Wake();
            return Task.CompletedTask;
        });
    }
}
