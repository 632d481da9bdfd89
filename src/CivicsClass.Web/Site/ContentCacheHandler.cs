using CivicsClass.Content.Handlers;
using Microsoft.AspNetCore.OutputCaching;

namespace CivicsClass.Web.Site;

/// <summary>
/// Evicts the cached pages when published content changes, after the change commits. A page may
/// show any item (cards, lists, feeds), so every page is tagged alike and evicted together, and so
/// are the detail page models behind them.
/// </summary>
internal sealed class ContentCacheHandler(IOutputCacheStore cache, PageModelCache pageModels) : IContentHandler
{
    public Task PublishedAsync(ContentContext context) => EvictAsync(context);

    public Task UnpublishedAsync(ContentContext context) => EvictAsync(context);

    public Task RemovedAsync(ContentContext context) => EvictAsync(context);

    private Task EvictAsync(ContentContext context)
    {
        context.Session.OnCommitted(() =>
        {
            pageModels.Evict();
            return cache.EvictByTagAsync(SiteModule.CacheTag, CancellationToken.None).AsTask();
        });
        return Task.CompletedTask;
    }
}
