using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CivicsClass.Data.Tests.Jobs;

/// <summary>The one background loop every interval job runs in: woken by its interval or by asking, failures logged and retried, stopped cleanly.</summary>
public sealed class IntervalJobTests
{
    [Fact]
    public async Task Runs_at_every_interval_and_says_it_was_not_asked()
    {
        using var job = new CountingJob(TimeSpan.FromMilliseconds(30));
        await job.StartAsync(CancellationToken.None);
        await job.WaitForRunsAsync(3);
        await job.StopAsync(CancellationToken.None);

        Assert.All(job.Asked, Assert.False);
    }

    [Fact]
    public async Task Asking_runs_it_at_once_instead_of_after_its_interval()
    {
        using var job = new CountingJob(TimeSpan.FromHours(1));
        await job.StartAsync(CancellationToken.None);
        job.RunNow();
        await job.WaitForRunsAsync(1);
        job.RunNow();
        await job.WaitForRunsAsync(2);
        await job.StopAsync(CancellationToken.None);

        Assert.Equal([true, true], job.Asked);
    }

    [Fact]
    public async Task A_failed_run_is_logged_and_the_next_interval_runs_again()
    {
        var log = new ListLogger();
        using var job = new CountingJob(TimeSpan.FromMilliseconds(30), log, failFirst: 2);
        await job.StartAsync(CancellationToken.None);
        await job.WaitForRunsAsync(4);
        await job.StopAsync(CancellationToken.None);

        Assert.Equal(2, log.Errors.Count(e => e.Contains("Counting failed", StringComparison.Ordinal)));
        Assert.True(job.Asked.Count >= 4);
    }

    [Fact]
    public async Task Stopping_ends_the_wait_without_running_or_logging()
    {
        var log = new ListLogger();
        using var job = new CountingJob(TimeSpan.FromHours(1), log);
        await job.StartAsync(CancellationToken.None);
        var stopping = job.StopAsync(CancellationToken.None);

        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Empty(job.Asked);
        Assert.Empty(log.Errors);
    }

    private sealed class CountingJob(TimeSpan interval, ILogger? logger = null, int failFirst = 0)
        : IntervalJob(TimeProvider.System, logger ?? NullLogger.Instance)
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

        protected override TimeSpan Interval => interval;

        protected override string Description => "Counting";

        protected override Task RunOnceAsync(bool asked, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _asked.Add(asked);
                if (++_calls <= failFirst)
                {
                    throw new InvalidOperationException("the database went away");
                }
            }

            return Task.CompletedTask;
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
