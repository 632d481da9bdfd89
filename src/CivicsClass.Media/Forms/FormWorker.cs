using System.Diagnostics;
using System.Text.Json;
using CivicsClass.Content.Handlers;
using CivicsClass.Content.Items;
using CivicsClass.Data.Caching;
using CivicsClass.Data.Diagnostics;
using CivicsClass.Media.Storage;
using Microsoft.Extensions.DependencyInjection;
using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Forms;

/// <summary>
/// Makes the queued forms, one job at a time on each node (the machines are small and the engines
/// use a whole core). It runs on every node (<see cref="JobScope.EveryNode"/>): each job is a row claimed
/// with <c>FOR UPDATE SKIP LOCKED</c> for <see cref="FormsOptions.ClaimSeconds"/>, so more nodes share the
/// queue and a job whose node died is taken over when its claim runs out. A job is made outside any
/// transaction, stored through <see cref="IMediaStore"/> and completed by its claim; the pages that show
/// the item are evicted. Queuing a job on this node asks for a run at once (<see cref="IntervalJob.RunNow"/>).
/// </summary>
internal sealed class FormWorker(IServiceScopeFactory scopes, IEnumerable<ILessonFormGenerator> generators, FormJobStore jobs, FormBackfill backfill,
    IMediaStore store, CacheSignals signals, JobClaims claims, TimeProvider clock, IOptions<FormsOptions> options, ILogger<FormWorker> logger)
    : IntervalJob(claims, clock, logger)
{
    public const string JobName = "lesson-forms";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public override string Name => JobName;

    public override JobScope Scope => JobScope.EveryNode;

    public override string Label => "生成课程的多种形式";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));

    protected override string Description => "Making the lessons' forms";

    /// <summary>Claims and makes one job; false when none was due.</summary>
    public async Task<bool> TakeOneAsync(CancellationToken cancellationToken = default)
    {
        var kinds = generators.Select(g => g.Kind).ToList();
        var now = Clock.GetUtcNow().UtcDateTime;
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
        while (await TakeOneAsync(cancellationToken))
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
            var unused = await jobs.CompleteAsync(job, key, form.MediaType, size, form.DurationSeconds, sentences, timings, Clock.GetUtcNow().UtcDateTime, cancellationToken);
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
                Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * job.Attempts), CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    protected override async Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
    {
        var taken = await RunPendingAsync(cancellationToken);
        return taken > 0 ? $"took {taken} jobs" : null;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunJobs ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    /// <summary>Queues the forms of content published before the generators existed, brings back jobs set aside for an engine this node now has, then runs at once.</summary>
    protected override async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var generator in generators)
            {
                await backfill.RunAsync(generator, cancellationToken);
                if (generator.IsAvailable)
                {
                    await jobs.RequeueUnavailableAsync(generator.Kind, Clock.GetUtcNow().UtcDateTime, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Forms of content published before could not be queued; they are queued when it is published again");
        }

        RunNow();
    }
}
