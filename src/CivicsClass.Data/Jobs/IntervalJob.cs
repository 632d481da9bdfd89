using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Data.Jobs;

/// <summary>
/// A background loop on every node: <see cref="RunOnceAsync"/> every <see cref="Interval"/> on the site's clock, or at once when
/// <see cref="RunNow"/> asks. A failed run is logged and tried again at the next interval; stopping ends the wait, not a run.
/// Work that must be done once across nodes claims its rows in the run itself (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL).
/// </summary>
public abstract class IntervalJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    private TaskCompletionSource _asked = NewSignal();

    /// <summary>The site's clock, which the job's waits and its work both follow.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>How long to wait between runs; read before every wait, so settings can change it.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job does, for the log ("Scheduled publishing").</summary>
    protected abstract string Description { get; }

    /// <summary>One run; <paramref name="asked"/> is true when <see cref="RunNow"/> woke it before its interval.</summary>
    protected abstract Task RunOnceAsync(bool asked, CancellationToken cancellationToken);

    /// <summary>Asks this node to run now, whatever the interval.</summary>
    public void RunNow() => Volatile.Read(ref _asked).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

                await RunOnceAsync(woken, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Job} failed; it is tried again at the next interval", Description);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
