using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivicsClass.Data.Tests.Jobs;

/// <summary>A job whose runs the test counts and shapes: what each run does is <see cref="Work"/>.</summary>
internal sealed class ProbeJob(JobClaims claims, TimeProvider clock, JobScope scope, TimeSpan interval, TimeSpan? lease = null, ILogger? logger = null)
    : IntervalJob(claims, clock, logger ?? NullLogger.Instance)
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public Func<CancellationToken, Task<string?>> Work { get; set; } = _ => Task.FromResult<string?>("probed");

    public override string Name => "probe";

    public override JobScope Scope => scope;

    protected override TimeSpan Interval => interval;

    protected override TimeSpan Lease => lease ?? base.Lease;

    protected override string Description => "Probing";

    protected override Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Work(cancellationToken);
    }
}
