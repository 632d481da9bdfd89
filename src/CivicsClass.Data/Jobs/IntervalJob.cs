using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Data.Jobs;

/// <summary>
/// The one runner every background loop runs in: <see cref="RunOnceAsync"/> every <see cref="Interval"/> on the site's clock,
/// or at once when <see cref="RunNow"/> asks. Where it runs follows <see cref="Scope"/>: a <see cref="JobScope.OneNode"/> job
/// claims each run in <c>job_claim</c> (<see cref="JobClaims"/>) for a <see cref="Lease"/> it renews while it works, so one node
/// of a farm runs it per interval and another takes over when that node dies; an <see cref="JobScope.EveryNode"/> job runs on
/// each node and claims its rows itself. Either way the run's node, times and outcome go into <c>job_claim</c> for the jobs page
/// (an every-node run only when it did something or failed, so an idle poll writes nothing). A failed run is logged and tried
/// again at the next interval; stopping ends the wait, not a run.
/// </summary>
public abstract class IntervalJob(JobClaims claims, TimeProvider clock, ILogger logger) : BackgroundService
{
    private TaskCompletionSource _asked = NewSignal();

    /// <summary>The site's clock, which the job's waits, claims and work all follow.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The job's stable name in <c>job_claim</c> ("expired-data").</summary>
    public abstract string Name { get; }

    /// <summary>What the job does, as administrators read it on the jobs page.</summary>
    public virtual string Label => Name;

    /// <summary>Whether one node of a farm runs it per interval or every node does.</summary>
    public abstract JobScope Scope { get; }

    /// <summary>How long to wait between runs; read before every wait, so settings can change it.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job does, for the log ("Scheduled publishing").</summary>
    protected abstract string Description { get; }

    /// <summary>How long a claimed run holds the job before another node may take it over; renewed every third of it while the run goes on.</summary>
    protected virtual TimeSpan Lease => claims.Lease;

    /// <summary>
    /// One run; <paramref name="asked"/> is true when <see cref="RunNow"/> woke it before its interval. Returns a short note of what
    /// it did for the jobs page, or null when there was nothing to do.
    /// </summary>
    protected abstract Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken);

    /// <summary>Once, before the first wait: for catching up on work queued while no node ran (the first run follows at once when it asks for it).</summary>
    protected virtual Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks this node to run now, whatever the interval; a one-node job still runs only when no other node holds it.</summary>
    public void RunNow() => Volatile.Read(ref _asked).TrySetResult();

    /// <summary>
    /// Runs the job once here when its scope lets it: a one-node job only if it is due (or <paramref name="asked"/>) and nobody holds
    /// it. Failures are recorded and logged, not thrown. Returns false when another node has it or it ran within the interval.
    /// </summary>
    public Task<bool> TryRunAsync(bool asked = false, CancellationToken cancellationToken = default) =>
        RunClaimedAsync(asked, token => RunOnceAsync(asked, token), cancellationToken);

    /// <summary>Runs <paramref name="work"/> as this job's run, claimed, renewed and recorded like every other run.</summary>
    protected async Task<bool> RunClaimedAsync(bool asked, Func<CancellationToken, Task<string?>> work, CancellationToken cancellationToken)
    {
        var started = Clock.GetUtcNow().UtcDateTime;
        var claimed = Scope == JobScope.OneNode;
        if (claimed && !await claims.TryClaimAsync(Name, started, asked ? started : started - Interval, Lease, cancellationToken))
        {
            return false; // ran within the interval, or another node holds it
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = claimed ? RenewAsync(stop.Token) : Task.CompletedTask;
        string outcome = JobOutcomes.Done;
        string? note;
        try
        {
            note = await work(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await renewing;
            // Stopped mid-run: the claim is left to run out, so the job shows as interrupted and is due again on any node.
            throw;
        }
        catch (Exception e)
        {
            outcome = JobOutcomes.Failed;
            note = e.Message;
            logger.LogError(e, "{Job} failed; it is tried again at the next interval", Description);
        }

        await stop.CancelAsync();
        await renewing;
        await RecordAsync(claimed, started, outcome, note);
        return true;
    }

    private async Task RenewAsync(CancellationToken stopping)
    {
        var every = Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, Clock, stopping);
                if (!await claims.RenewAsync(Name, Clock.GetUtcNow().UtcDateTime + Lease, stopping))
                {
                    logger.LogWarning("{Job} ran past its lease and another node took it over; this run's outcome is not recorded", Description);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The run ended.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Job} could not renew its claim; another node may take it over when the lease runs out", Description);
        }
    }

    private async Task RecordAsync(bool claimed, DateTime started, string outcome, string? note)
    {
        try
        {
            var finished = Clock.GetUtcNow().UtcDateTime;
            if (claimed)
            {
                await claims.FinishAsync(Name, finished, outcome, note);
            }
            else if (note is not null || outcome != JobOutcomes.Done)
            {
                await claims.RecordAsync(Name, started, finished, outcome, note);
            }
        }
        catch (Exception e)
        {
            // The record is for the jobs page; the work itself is done (or failed and logged) either way.
            logger.LogWarning(e, "{Job} ran but its outcome could not be recorded", Description);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await StartingAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Job} could not catch up at start; its runs go on", Description);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var asked = Volatile.Read(ref _asked);
                var woken = await Task.WhenAny(Task.Delay(Interval, Clock, stoppingToken), asked.Task) == asked.Task;
                stoppingToken.ThrowIfCancellationRequested();
                if (woken)
                {
                    Interlocked.CompareExchange(ref _asked, NewSignal(), asked);
                }

                await TryRunAsync(woken, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Job} could not be claimed; it is tried again at the next interval", Description);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
