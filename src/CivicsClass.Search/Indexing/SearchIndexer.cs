using CivicsClass.Data.Dialects;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Backends;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// Works through the search queue: at start (replaying what a crash left), when a publish wakes it,
/// and every few seconds. A batch's index writes and its removal from the queue commit together.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, ISqlDialect dialect, SearchOptions options, TimeProvider clock, ILogger<SearchIndexer> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    /// <summary>Indexes everything queued; returns how many items it indexed or removed.</summary>
    public async Task<int> ProcessPendingAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (ids, failure) = await TransientFailures.RetryAsync(dialect,
                () => IndexAsync(session => SearchQueue.ClaimAsync(session, BatchSize, clock.GetUtcNow().UtcDateTime), cancellationToken), cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            if (failure is not null)
            {
                // The batch rolled back; one item at a time finds the one that fails, and the others go through.
                logger.LogWarning(failure, "Indexing a batch of {Count} failed; indexing its items one by one", ids.Count);
                foreach (var id in ids)
                {
                    var (claimed, error) = await TransientFailures.RetryAsync(dialect,
                        () => IndexAsync(session => SearchQueue.ClaimItemAsync(session, id), cancellationToken), cancellationToken);
                    if (error is not null)
                    {
                        await RecordFailureAsync(id, error);
                    }
                    else
                    {
                        done += claimed.Count;
                    }
                }

                progress?.Report(done);
                continue;
            }

            SiteMetrics.Job("search-index", done: true, ids.Count);
            done += ids.Count;
            progress?.Report(done);
        }

        return done;
    }

    /// <summary>
    /// Claims entries and indexes or removes their items in one unit of work; a failure rolls it all back and is
    /// returned, except a transient database failure, which is thrown so that the unit is repeated rather than blamed on its items.
    /// </summary>
    private async Task<(IReadOnlyList<string> Ids, Exception? Failure)> IndexAsync(Func<ISession, Task<IReadOnlyList<string>>> claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<ISession>();
        var ids = await claim(session);
        if (ids.Count == 0)
        {
            return (ids, null);
        }

        try
        {
            var index = services.GetRequiredService<ISearchIndex>();
            var builder = services.GetRequiredService<SearchDocumentBuilder>();
            var published = (await services.GetRequiredService<IContentManager>().GetManyAsync(ids)).ToDictionary(i => i.ContentItemId);
            var built = new List<(SearchDocument, IndexedTokens)>();
            foreach (var id in ids)
            {
                if (published.TryGetValue(id, out var item) && SearchDocumentBuilder.IndexedTypes.Contains(item.ContentType))
                {
                    built.Add(await builder.BuildAsync(item));
                }
                else
                {
                    await index.DeleteAsync(session, id);
                }
            }

            if (built.Count > 0)
            {
                await index.UpsertAsync(session, built);
            }

            await session.SaveChangesAsync(cancellationToken);
            return (ids, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !TransientFailures.IsTransient(exception))
        {
            return (ids, exception);
        }
    }

    private async Task RecordFailureAsync(string id, Exception error)
    {
        logger.LogError(error, "Indexing {ContentItemId} failed; it is tried again after a back-off", id);
        SiteMetrics.Job("search-index", done: false);
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        await SearchQueue.FailedAsync(session, [id], $"{error.GetType().Name}: {error.Message}", clock.GetUtcNow().UtcDateTime);
        await session.SaveChangesAsync();
    }

    /// <summary>
    /// Indexes until no entry is due (failed ones waiting out their back-off are left), including
    /// batches another worker (or node) has claimed but not yet committed; throws when that takes longer than <paramref name="timeout"/>.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await ProcessPendingAsync(cancellationToken: cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            if (await SearchQueue.DueAsync(scope.ServiceProvider.GetRequiredService<ISession>(), clock.GetUtcNow().UtcDateTime) == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The search queue did not empty in time.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Queues every published item of the indexed types, for a full rebuild.</summary>
    public async Task<int> QueueAllAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var (connection, _) = await session.GetConnectionAsync(cancellationToken);
        var ids = (await Dapper.SqlMapper.QueryAsync<string>(connection,
            $"SELECT content_item_id FROM content_item_index WHERE published = TRUE AND {session.Dialect.InList("content_type", "types")} ORDER BY document_id",
            new { types = SearchDocumentBuilder.IndexedTypes.ToArray() })).ToList();
        await SearchQueue.EnqueueAsync(session, ids, DateTime.UtcNow);
        await session.SaveChangesAsync(cancellationToken);
        return ids.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IndexInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await ProcessPendingAsync(cancellationToken: stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("Indexed {Count} items", count);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Search indexing failed; the queue is kept and retried");
            }

            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
