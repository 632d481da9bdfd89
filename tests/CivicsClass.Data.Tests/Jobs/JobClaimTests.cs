using CivicsClass.Data.Jobs;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Data.Tests.Jobs;

/// <summary>Two nodes on one database: a one-node job runs once per interval, a dead node's claim is taken over, a long run keeps its claim, and every run is recorded.</summary>
public abstract class JobClaimTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task OneNodeJob_TwoNodesAskingTogether_RunsOncePerInterval()
    {
        var clock = new ManualClock();
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 2, clock);
        var jobs = new[] { Probe(farm, 0, clock), Probe(farm, 1, clock) };

        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => jobs[i % 2].TryRunAsync())));
        var again = await Task.WhenAll(jobs.Select(j => j.TryRunAsync()));
        clock.Advance(TimeSpan.FromMinutes(11));
        var next = await Task.WhenAll(jobs.Select(j => j.TryRunAsync()));
        var run = await farm.RunOfAsync("probe");

        Assert.Single(first, ran => ran);
        Assert.All(again, Assert.False);
        Assert.Single(next, ran => ran);
        Assert.Equal(2, jobs.Sum(j => j.Runs));
        Assert.NotNull(run);
        Assert.Contains(run.Node, new[] { farm.Claims(0).Node, farm.Claims(1).Node });
        Assert.Equal(JobOutcomes.Done, run.Outcome);
        Assert.Equal("probed", run.Note);
        Assert.Null(run.LeaseUntilUtc);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, run.StartedUtc!.Value, TimeSpan.FromMilliseconds(1));
    }

    [SkippableFact]
    public async Task OneNodeJob_ClaimOfADeadNode_IsTakenOverWhenItsLeaseRunsOut()
    {
        var clock = new ManualClock();
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 2, clock);
        var survivor = Probe(farm, 1, clock);
        var now = clock.GetUtcNow().UtcDateTime;
        Assert.True(await farm.Claims(0).TryClaimAsync("probe", now, now, TimeSpan.FromMinutes(2))); // node 0 starts a run and dies in it

        var whileHeld = await survivor.TryRunAsync(asked: true);
        clock.Advance(TimeSpan.FromMinutes(11));
        var afterLease = await survivor.TryRunAsync();
        var lateFinish = await farm.Claims(0).FinishAsync("probe", clock.GetUtcNow().UtcDateTime, JobOutcomes.Done, "late");
        var run = await farm.RunOfAsync("probe");

        Assert.False(whileHeld);
        Assert.True(afterLease);
        Assert.False(lateFinish);
        Assert.Equal(1, survivor.Runs);
        Assert.Equal(farm.Claims(1).Node, run!.Node);
        Assert.Equal("probed", run.Note);
    }

    [SkippableFact]
    public async Task OneNodeJob_RunLongerThanItsLease_RenewsItSoNoOtherNodeTakesItOver()
    {
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 2, TimeProvider.System);
        // Renewed every third of the lease: a lease of seconds leaves room for a busy machine's stalls.
        var lease = TimeSpan.FromSeconds(3);
        var slow = new ProbeJob(farm.Claims(0), TimeProvider.System, JobScope.OneNode, TimeSpan.FromMilliseconds(10), lease);
        var other = new ProbeJob(farm.Claims(1), TimeProvider.System, JobScope.OneNode, TimeSpan.FromMilliseconds(10), lease);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Work = async token =>
        {
            await release.Task.WaitAsync(token);
            return "slow";
        };

        var running = slow.TryRunAsync();
        await Task.Delay(lease * 2.5);
        var meanwhile = await other.TryRunAsync(asked: true);
        var held = await farm.RunOfAsync("probe");
        release.SetResult();
        var ran = await running;
        var after = await other.TryRunAsync(asked: true);

        Assert.False(meanwhile);
        Assert.Equal(farm.Claims(0).Node, held!.Node);
        Assert.True(held.LeaseUntilUtc > DateTime.UtcNow, "renewed while running");
        Assert.True(ran);
        Assert.True(after);
        Assert.Equal(1, other.Runs);
    }

    [SkippableFact]
    public async Task EveryNodeJob_RunsOnEachNode_RecordingRunsThatDidSomethingOrFailed()
    {
        var clock = new ManualClock();
        await using var farm = await JobFarm.CreateAsync(new TProvider(), 2, clock);
        var a = new ProbeJob(farm.Claims(0), clock, JobScope.EveryNode, TimeSpan.FromHours(1)) { Work = _ => Task.FromResult<string?>(null) };
        var b = new ProbeJob(farm.Claims(1), clock, JobScope.EveryNode, TimeSpan.FromHours(1)) { Work = _ => throw new InvalidOperationException("the disk is full") };

        var idle = await a.TryRunAsync();
        var afterIdle = await farm.RunOfAsync("probe");
        a.Work = _ => Task.FromResult<string?>("made 3");
        var ranA = await a.TryRunAsync();
        var afterA = await farm.RunOfAsync("probe");
        var ranB = await b.TryRunAsync();
        var afterB = await farm.RunOfAsync("probe");

        Assert.True(idle && ranA && ranB);
        Assert.Null(afterIdle);
        Assert.Equal((farm.Claims(0).Node, JobOutcomes.Done, "made 3"), (afterA!.Node, afterA.Outcome, afterA.Note));
        Assert.Equal((farm.Claims(1).Node, JobOutcomes.Failed, "the disk is full"), (afterB!.Node, afterB.Outcome, afterB.Note));
        Assert.Null(afterB.LeaseUntilUtc);
    }

    private static ProbeJob Probe(JobFarm farm, int node, TimeProvider clock) =>
        new(farm.Claims(node), clock, JobScope.OneNode, TimeSpan.FromMinutes(10));
}

public sealed class SqliteJobClaimTests : JobClaimTests<Sqlite>;

public sealed class PostgresJobClaimTests : JobClaimTests<Postgres>;
