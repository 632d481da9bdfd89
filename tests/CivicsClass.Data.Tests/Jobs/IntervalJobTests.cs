using CivicsClass.Data.Jobs;
using CivicsClass.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CivicsClass.Data.Tests.Jobs;

/// <summary>The one background loop every interval job runs in: woken by its interval or by asking, failures logged, recorded and retried, stopped cleanly.</summary>
public abstract class IntervalJobTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Runs_at_every_interval_and_says_it_was_not_asked()
    {
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 1, TimeProvider.System);
        using var job = new CountingJob(farm.Claims(0), TimeSpan.FromMilliseconds(30));
        await job.StartAsync(CancellationToken.None);
        await job.WaitForRunsAsync(3);
        await job.StopAsync(CancellationToken.None);

        Assert.All(job.Asked, Assert.False);
    }

    [SkippableFact]
    public async Task Asking_runs_it_at_once_instead_of_after_its_interval()
    {
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 1, TimeProvider.System);
        using var job = new CountingJob(farm.Claims(0), TimeSpan.FromHours(1));
        await job.StartAsync(CancellationToken.None);
        job.RunNow();
        await job.WaitForRunsAsync(1);
        job.RunNow();
        await job.WaitForRunsAsync(2);
        await job.StopAsync(CancellationToken.None);

        Assert.Equal([true, true], job.Asked);
    }

    [SkippableFact]
    public async Task A_failed_run_is_logged_and_the_next_interval_runs_again()
    {
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 1, TimeProvider.System);
        var log = new ListLogger();
        using var job = new CountingJob(farm.Claims(0), TimeSpan.FromMilliseconds(30), log, failFirst: 2);
        await job.StartAsync(CancellationToken.None);
        await job.WaitForRunsAsync(4);
        await job.StopAsync(CancellationToken.None);
        var run = await farm.RunOfAsync("counting");

        Assert.Equal(2, log.Errors.Count(e => e.Contains("Counting failed", StringComparison.Ordinal)));
        Assert.True(job.Asked.Count >= 4);
        Assert.Equal((JobOutcomes.Failed, "the database went away"), (run!.Outcome, run.Note)); // later runs found nothing to do and left the record
    }

    [SkippableFact]
    public async Task Stopping_ends_the_wait_without_running_or_logging()
    {
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 1, TimeProvider.System);
        var log = new ListLogger();
        using var job = new CountingJob(farm.Claims(0), TimeSpan.FromHours(1), log);
        await job.StartAsync(CancellationToken.None);
        var stopping = job.StopAsync(CancellationToken.None);

        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Empty(job.Asked);
        Assert.Empty(log.Errors);
    }

    private sealed class CountingJob(JobClaims claims, TimeSpan interval, ILogger? logger = null, int failFirst = 0)
        : IntervalJob(claims, TimeProvider.System, logger ?? NullLogger.Instance)
    {
        private readonly Lock _gate = new();
        private readonly List<bool> _asked = [];
        private int _calls;

        public IReadOnlyList<bool> Asked
        {
            get
            {
                lock (_gate)
                {
                    return [.. _asked];
                }
            }
        }

        public override string Name => "counting";

        public override JobScope Scope => JobScope.EveryNode;

        protected override TimeSpan Interval => interval;

        protected override string Description => "Counting";

        protected override Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _asked.Add(asked);
                if (++_calls <= failFirst)
                {
                    throw new InvalidOperationException("the database went away");
                }
            }

            return Task.FromResult<string?>(null);
        }

        public async Task WaitForRunsAsync(int count)
        {
            var until = DateTime.UtcNow.AddSeconds(20);
            while (Asked.Count < count)
            {
                Assert.True(DateTime.UtcNow < until, $"ran {Asked.Count} times, expected {count}");
                await Task.Delay(5);
            }
        }
    }

    private sealed class ListLogger : ILogger
    {
        private readonly List<string> _errors = [];

        public IReadOnlyList<string> Errors
        {
            get
            {
                lock (_errors)
                {
                    return [.. _errors];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                lock (_errors)
                {
                    _errors.Add(formatter(state, exception));
                }
            }
        }
    }
}

public sealed class SqliteIntervalJobTests : IntervalJobTests<Sqlite>;

public sealed class PostgresIntervalJobTests : IntervalJobTests<Postgres>;
