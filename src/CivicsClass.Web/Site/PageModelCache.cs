using CivicsClass.Data.Diagnostics;
using CivicsClass.Content.Items;
using CivicsClass.Theme.Models;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace CivicsClass.Web.Site;

/// <summary>
/// Detail page models of published items, kept on each node until published content changes (when
/// the output cache is evicted too) or for ten minutes. Signed-in people's pages are never
/// output-cached, so this is what keeps their lesson page cheap: the shared part comes from here and
/// only their own study panel and picks are added per request. Models are immutable records.
/// </summary>
public sealed class PageModelCache(IMemoryCache cache)
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(10);
    private CancellationTokenSource _generation = new();

    public async Task<PageViewModel> GetOrBuildAsync(ContentItem item, Func<Task<PageViewModel>> build)
    {
        var key = (nameof(PageModelCache), item.ContentItemVersionId);
        var hit = cache.TryGetValue(key, out PageViewModel? page);
        SiteMetrics.CacheLookup("page-model", hit);
        if (hit)
        {
            return page!;
        }

        // Taken before building, so a model built while content changed is dropped at once.
        var generation = Volatile.Read(ref _generation).Token;
        page = await build();
        using var entry = cache.CreateEntry(key);
        entry.Value = page;
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = s_lifetime;
        entry.AddExpirationToken(new CancellationChangeToken(generation));
        return page;
    }

    /// <summary>Forgets every model: any page may show any item as a card.</summary>
    public void Evict() => Interlocked.Exchange(ref _generation, new CancellationTokenSource()).Cancel();
}
