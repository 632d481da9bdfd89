using CivicsClass.Content.Items;
using CivicsClass.Data.Dialects;
using CivicsClass.Search.Engine;
using Microsoft.Extensions.DependencyInjection;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// What a batch of items means for the index: the published ones of the indexed types as documents,
/// the rest as removals, and the ones that cannot be read or built as failures, so one broken item
/// never holds up the others. A transient database failure is thrown: the whole batch is tried again.
/// </summary>
internal sealed record IndexBatch(IReadOnlyList<LuceneDocument> Upserts, IReadOnlyList<string> Deletions, IReadOnlyList<(string Id, Exception Error)> Failed)
{
    public static async Task<IndexBatch> BuildAsync(IServiceProvider services, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var builder = services.GetRequiredService<SearchDocumentBuilder>();
        var failed = new List<(string Id, Exception Error)>();
        var published = await ReadAsync(services.GetRequiredService<IContentManager>(), ids, failed);
        var broken = failed.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var upserts = new List<LuceneDocument>();
        var deletions = new List<string>();
        foreach (var id in ids.Where(id => !broken.Contains(id)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!published.TryGetValue(id, out var item) || !SearchDocumentBuilder.IsSearched(item))
            {
                deletions.Add(id);
                continue;
            }

            try
            {
                upserts.Add(DocumentMapper.ToLucene(await builder.BuildAsync(item)));
            }
            catch (Exception exception) when (IsItsOwn(exception))
            {
                failed.Add((id, exception));
            }
        }

        return new IndexBatch(upserts, deletions, failed);
    }

    /// <summary>The published versions; when one item cannot be read, the batch's read fails, so they are read one by one to find it.</summary>
    private static async Task<Dictionary<string, ContentItem>> ReadAsync(IContentManager manager, IReadOnlyList<string> ids, List<(string Id, Exception Error)> failed)
    {
        try
        {
            return (await manager.GetManyAsync(ids)).ToDictionary(i => i.ContentItemId);
        }
        catch (Exception exception) when (IsItsOwn(exception))
        {
            var published = new Dictionary<string, ContentItem>();
            foreach (var id in ids)
            {
                try
                {
                    foreach (var item in await manager.GetManyAsync([id]))
                    {
                        published[item.ContentItemId] = item;
                    }
                }
                catch (Exception itemException) when (IsItsOwn(itemException))
                {
                    failed.Add((id, itemException));
                }
            }

            return published;
        }
    }

    /// <summary>A failure that belongs to the item, not to the database or to a stop.</summary>
    private static bool IsItsOwn(Exception exception) => exception is not OperationCanceledException && !TransientFailures.IsTransient(exception);
}
