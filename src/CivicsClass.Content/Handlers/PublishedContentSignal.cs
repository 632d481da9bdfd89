using CivicsClass.Data.Caching;

namespace CivicsClass.Content.Handlers;

/// <summary>
/// Sends <see cref="CacheName"/> to every node once a change to published content commits. Whatever
/// a node builds from published items — cached pages, page models, the quiz bank — subscribes to it.
/// </summary>
public sealed class PublishedContentSignal(CacheSignals signals) : IContentHandler
{
    public const string CacheName = "content";

    public Task PublishedAsync(ContentContext context) => SignalAsync(context);

    public Task UnpublishedAsync(ContentContext context) => SignalAsync(context);

    public Task RemovedAsync(ContentContext context) => SignalAsync(context);

    private Task SignalAsync(ContentContext context)
    {
        context.Session.OnCommitted(() => signals.ClearAsync(CacheName));
        return Task.CompletedTask;
    }
}
