using CivicsClass.Content.Handlers;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// Appends an index task whenever what the public sees of an item changes, in the change's own
/// transaction. Once it commits, this node applies it before the request answers (an editor sees
/// their own publish at once) and the other nodes are told.
/// </summary>
internal sealed class SearchIndexingHandler(TimeProvider clock, SearchIndexer indexer) : IContentHandler
{
    // Handlers live as long as their unit of work: one catch-up after its commit covers every change in it.
    private bool _catchUpRegistered;

    public Task PublishedAsync(ContentContext context) => AppendAsync(context, IndexLog.Upsert);

    public Task UnpublishedAsync(ContentContext context) => AppendAsync(context, IndexLog.Delete);

    public Task RemovedAsync(ContentContext context) => AppendAsync(context, IndexLog.Delete);

    private async Task AppendAsync(ContentContext context, string operation)
    {
        if (!SearchDocumentBuilder.IsSearched(context.ContentItem))
        {
            return;
        }

        await IndexLog.AppendAsync(context.Session, [context.ContentItem.ContentItemId], operation, clock.GetUtcNow().UtcDateTime);
        if (_catchUpRegistered)
        {
            return;
        }

        _catchUpRegistered = true;
        context.Session.OnCommitted(async () =>
        {
            _catchUpRegistered = false;
            try
            {
                await indexer.CatchUpAsync();
            }
            catch (Engine.SearchIndexInUseException)
            {
                // A command beside the running site: the site holds this node's index and follows the log itself.
            }

            await indexer.AnnounceAsync();
        });
    }
}
