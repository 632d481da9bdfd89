using System.Diagnostics.Metrics;
using CivicsClass.Content.Items;
using CivicsClass.Data.Caching;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// Keeps this node's index current with the index log. It applies the tasks after its cursor, in
/// order: when a change on this node commits (before the request answers), when another node's change
/// is announced through <see cref="CacheSignals"/> (<c>NOTIFY</c> on PostgreSQL), and every
/// <see cref="SearchOptions.PollSeconds"/> in case a message was missed. An index that is missing,
/// damaged, or behind what the log still keeps is rebuilt from the published content first.
/// </summary>
public sealed class SearchIndexer(
    IServiceScopeFactory scopes,
    SearchIndex index,
    SearchOptions options,
    CacheSignals signals,
    ISqlDialect dialect,
    TimeProvider clock,
    IMeterFactory meters,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    /// <summary>The signal that tells the nodes the log has grown.</summary>
    public const string Signal = "search-log";

    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private DateTime _lastTrim = DateTime.MinValue;
    private long _knownHead = -1;

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>Tells every node (this one included) that the log has grown.</summary>
    public Task AnnounceAsync() => signals.ClearAsync(Signal);

    /// <summary>
    /// Applies every task after the cursor (rebuilding first when the index needs it); returns how
    /// many tasks it applied. Runs one at a time on a node.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _apply.WaitAsync(cancellationToken);
        try
        {
            var lucene = index.Index;
            var head = await HeadAsync();
            Interlocked.Exchange(ref _knownHead, head.Seq);
            // Behind what the log keeps, or ahead of the log (a restored or migrated database): rebuilt.
            if (lucene.NeedsRebuild || lucene.Cursor < head.TrimmedThrough || lucene.Cursor > head.Seq)
            {
                if (!lucene.NeedsRebuild)
                {
                    logger.LogWarning("The search index is at task {Cursor}, but the log holds tasks {Trimmed} to {Head}; it is rebuilt",
                        lucene.Cursor, head.TrimmedThrough + 1, head.Seq);
                }

                await RebuildCoreAsync(null, cancellationToken);
            }

            var applied = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                IReadOnlyList<IndexLog.LogTask> tasks;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    tasks = await IndexLog.ReadAsync(scope.ServiceProvider.GetRequiredService<ISession>(), lucene.Cursor, Math.Max(1, options.ApplyBatchSize));
                }

                if (tasks.Count == 0)
                {
                    break;
                }

                await ApplyAsync(tasks.Select(t => t.ContentItemId).Distinct().ToList(), tasks[^1].Seq, cancellationToken);
                applied += tasks.Count;
                SiteMetrics.Job("search-index", done: true, tasks.Count);
                if (tasks.Count >= options.ApplyBatchSize)
                {
                    lucene.Commit(); // a long catch-up keeps what it has done if the node dies
                }
            }

            return applied;
        }
        finally
        {
            _apply.Release();
        }
    }

    /// <summary>Rebuilds this node's index from the published content, then follows the log; returns how many items it indexed.</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        await _apply.WaitAsync(cancellationToken);
        int indexed;
        try
        {
            indexed = await RebuildCoreAsync(progress, cancellationToken);
        }
        finally
        {
            _apply.Release();
        }

        await CatchUpAsync(cancellationToken);
        index.Index.Commit();
        return indexed;
    }

    /// <summary>Applies the log until this node has every task appended so far; throws when that takes longer than <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await CatchUpAsync(limit.Token);
            index.Index.Commit();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("The search index did not catch up with the log in time.");
        }
    }

    /// <summary>How many tasks of the log this node has still to apply.</summary>
    public async Task<long> LagAsync()
    {
        var head = await HeadAsync();
        return Math.Max(0, head.Seq - index.Cursor);
    }

    public async Task<IndexLog.LogHead> HeadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await IndexLog.HeadAsync(scope.ServiceProvider.GetRequiredService<ISession>());
    }

    /// <summary>
    /// The lag as of this node's last look at the log (at least every <see cref="SearchOptions.PollSeconds"/>),
    /// against its current cursor: a scrape never waits for the database. Nothing before the first look.
    /// </summary>
    private IEnumerable<Measurement<long>> ObserveLag()
    {
        var head = Interlocked.Read(ref _knownHead);
        return head < 0 ? [] : [new Measurement<long>(Math.Max(0, head - index.Cursor))];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        meters.Create(SiteMetrics.MeterName).CreateObservableGauge(SiteMetrics.SearchIndexLag, ObserveLag, "{task}", "Index log tasks this node has still to apply.");
        signals.Subscribe(Signal, Wake);
        signals.Subscribe(CacheSignals.All, Wake);
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await TransientFailures.RetryAsync(dialect, () => CatchUpAsync(stoppingToken), stoppingToken);
                if (count > 0)
                {
                    logger.LogDebug("Applied {Count} index tasks", count);
                }

                index.CommitIfOpen();
                await TrimAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Applying the index log failed; it is tried again");
            }

            try
            {
                await _wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        index.CommitIfOpen();
    }

    /// <summary>
    /// Indexes the items' published versions and removes the rest, then moves the cursor to
    /// <paramref name="cursor"/>. An item that cannot be built is recorded as failed and left as it
    /// was; a transient database failure is thrown, and the batch is applied again later.
    /// </summary>
    private async Task ApplyAsync(IReadOnlyList<string> ids, long cursor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var batch = await IndexBatch.BuildAsync(scope.ServiceProvider, ids, cancellationToken);
        index.Index.Apply(batch.Upserts, batch.Deletions, cursor);
        await RecordAsync(scope.ServiceProvider.GetRequiredService<ISession>(), ids, batch, cancellationToken);
    }

    /// <summary>Keeps the batch's failures for administrators and forgets earlier ones of the items that went through.</summary>
    private async Task RecordAsync(ISession session, IReadOnlyList<string> ids, IndexBatch batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, error) in batch.Failed)
        {
            logger.LogError(error, "Indexing {ContentItemId} failed; it stays as it was until it is tried again", id);
            SiteMetrics.Job("search-index", done: false);
            await IndexLog.RecordFailureAsync(session, id, $"{error.GetType().Name}: {error.Message}", now);
        }

        await IndexLog.ClearFailuresAsync(session, ids.Except(batch.Failed.Select(f => f.Id)).ToList());
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> RebuildCoreAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var lucene = index.Index;
        // The head is read before the content: a change that commits meanwhile is applied again after, which is harmless.
        var head = await HeadAsync();
        List<string> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            ids = [.. await ContentIndexReads.PublishedWithAddressAsync(session, cancellationToken)];
        }

        logger.LogInformation("Rebuilding the search index at {Path} from {Count} published items", lucene.Path, ids.Count);
        lucene.Clear();
        var done = 0;
        var read = 0;
        // A chunk at a time (Search:RebuildChunkSize): what a rebuild holds besides the writer's buffer is one chunk's items and documents.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.RebuildThreads, CancellationToken = cancellationToken };
        foreach (var chunk in ids.Chunk(options.RebuildChunkSize))
        {
            // Built as the log's batches are, so one broken item is recorded, not a rebuild that never finishes.
            await using var scope = scopes.CreateAsyncScope();
            var batch = await IndexBatch.BuildAsync(scope.ServiceProvider, chunk, cancellationToken);
            // Analysis runs inside the writer, on the calling thread: spread it over Search:IndexingThreads threads.
            Parallel.ForEach(batch.Upserts, parallel, lucene.AddNew);
            await RecordAsync(scope.ServiceProvider.GetRequiredService<ISession>(), chunk, batch, cancellationToken);
            done += batch.Upserts.Count;
            read += chunk.Length;
            progress?.Report((read, ids.Count));
        }

        lucene.CompleteRebuild(head.Seq);
        return done;
    }

    private async Task TrimAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastTrim < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastTrim = now;
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var removed = await IndexLog.TrimAsync(session, now - TimeSpan.FromHours(options.LogRetentionHours));
        await session.SaveChangesAsync();
        if (removed > 0)
        {
            logger.LogInformation("Trimmed {Count} tasks from the index log", removed);
        }
    }
}
