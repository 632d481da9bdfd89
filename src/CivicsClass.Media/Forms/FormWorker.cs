using System.Diagnostics;
using System.Text.Json;
using CivicsClass.Content.Handlers;
using CivicsClass.Content.Items;
using CivicsClass.Data.Caching;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Media.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Forms;

/// <summary>
/// Makes the queued forms, one job at a time on each node (the machines are small and the engines
/// use a whole core). A job is claimed, made outside any transaction, stored through
/// <see cref="IMediaStore"/> and completed by its claim; the pages that show the item are evicted.
/// </summary>
internal sealed class FormWorker(IServiceScopeFactory scopes, IEnumerable<ILessonFormGenerator> generators, FormJobStore jobs, FormBackfill backfill,
    IMediaStore store, CacheSignals signals, TimeProvider clock, IOptions<FormsOptions> options, ILogger<FormWorker> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Looks for work now instead of at the next poll (a publish on this node committed).</summary>
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
                // Woken twice at once: once is enough.
            }
        }
    }

    /// <summary>Claims and makes one job; false when none was due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var kinds = generators.Select(g => g.Kind).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var job = await jobs.ClaimAsync(kinds, now, TimeSpan.FromSeconds(options.Value.ClaimSeconds), options.Value.MaxAttempts, cancellationToken);
        if (job is null)
        {
            return false;
        }

        await RunAsync(job, now, cancellationToken);
        return true;
    }

    /// <summary>Makes every due job; returns how many were taken.</summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken = default)
    {
        var taken = 0;
        while (await RunOnceAsync(cancellationToken))
        {
            taken++;
        }

        return taken;
    }

    /// <summary>Makes a claimed job; internal so a test can hold a claim, let it expire and see the job done once.</summary>
    internal async Task RunAsync(FormJob job, DateTime claimedUtc, CancellationToken cancellationToken)
    {
        var generator = generators.Single(g => g.Kind == job.Kind);
        ContentItem? item;
        await using (var scope = scopes.CreateAsyncScope())
        {
            item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(job.ContentItemId);
        }

        if (item is null || generator.SourceHash(item) != job.SourceHash)
        {
            await jobs.SetAsideAsync(job, FormState.Superseded, null, claimedUtc, cancellationToken);
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), "civicsclass-forms", job.ClaimToken);
        Directory.CreateDirectory(folder);
        try
        {
            var watch = Stopwatch.StartNew();
            var form = await generator.GenerateAsync(item, folder, cancellationToken);
            var made = watch.Elapsed.TotalMilliseconds;
            string key;
            await using (var file = File.OpenRead(form.FilePath))
            {
                key = await store.SaveAsync(file, form.Extension, cancellationToken);
            }

            var size = new FileInfo(form.FilePath).Length;
            var timings = JsonSerializer.Serialize(new Dictionary<string, object>(form.Steps.Select(s => KeyValuePair.Create(s.Key + "Ms", (object)Math.Round(s.Value, 1))))
            {
                ["queuedMs"] = Math.Round((claimedUtc - job.CreatedUtc).TotalMilliseconds, 1),
                ["generateMs"] = Math.Round(made, 1),
                ["storeMs"] = Math.Round(watch.Elapsed.TotalMilliseconds - made, 1),
                ["attempt"] = job.Attempts,
            }, s_json);
            var sentences = form.Sentences is null ? null : JsonSerializer.Serialize(form.Sentences, s_json);
            var unused = await jobs.CompleteAsync(job, key, form.MediaType, size, form.DurationSeconds, sentences, timings, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (unused is null)
            {
                // The claim expired and another worker took the job over: its result is the one recorded.
                store.Delete(key);
                logger.LogWarning("The {Kind} of {ContentItemId} was finished after its claim expired; another worker's result is kept", job.Kind, job.ContentItemId);
                return;
            }

            foreach (var old in unused)
            {
                store.Delete(old);
            }

            SiteMetrics.Job("forms", done: true);
            await signals.ClearAsync(PublishedContentSignal.CacheName);
        }
        catch (FormEngineUnavailableException e)
        {
            logger.LogInformation("The {Kind} of {ContentItemId} is not made here: {Reason}", job.Kind, job.ContentItemId, e.Message);
            await jobs.SetAsideAsync(job, FormState.Unavailable, e.Message, claimedUtc, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var last = job.Attempts >= options.Value.MaxAttempts;
            logger.LogError(e, "Making the {Kind} of {ContentItemId} failed (attempt {Attempt})", job.Kind, job.ContentItemId, job.Attempts);
            SiteMetrics.Job("forms", done: false);
            await jobs.SetAsideAsync(job, last ? FormState.Failed : FormState.Pending, e.Message,
                clock.GetUtcNow().UtcDateTime.AddSeconds(30 * job.Attempts), CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobs)
        {
            return;
        }

        await Task.Yield();
        try
        {
            foreach (var generator in generators)
            {
                await backfill.RunAsync(generator, stoppingToken);
                if (generator.IsAvailable)
                {
                    await jobs.RequeueUnavailableAsync(generator.Kind, clock.GetUtcNow().UtcDateTime, stoppingToken);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Forms of content published before could not be queued; they are queued when it is published again");
        }

        var interval = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPendingAsync(stoppingToken);
                await _wake.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Looking for form jobs failed; it is tried again at the next interval");
                await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
