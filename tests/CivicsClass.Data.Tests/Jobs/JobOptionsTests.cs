using CivicsClass.Data.Jobs;
using CivicsClass.Data.Migrations;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace CivicsClass.Data.Tests.Jobs;

/// <summary>The <c>Jobs</c> settings: the node's name and its claims' lease reach <c>job_claim</c>, and nonsense is refused at start.</summary>
public abstract class JobOptionsTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task NodeAndLease_FromSettings_AreWhatARunningClaimRecords()
    {
        await using var database = await new TProvider().CreateAsync();
        await using var node = Node(database, new() { ["Jobs:Node"] = " web-1 ", ["Jobs:LeaseSeconds"] = "30" });
        await node.GetRequiredService<MigrationRunner>().RunAsync();
        var claims = node.GetRequiredService<JobClaims>();
        var clock = new ManualClock();
        var job = new ProbeJob(claims, clock, JobScope.OneNode, TimeSpan.FromMinutes(10));
        var working = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        job.Work = async _ =>
        {
            working.SetResult();
            await release.Task;
            return "done";
        };

        var run = job.TryRunAsync();
        await working.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var held = (await claims.ReadAsync()).Single(r => r.Name == "probe");
        release.SetResult();
        Assert.True(await run);

        Assert.Equal("web-1", claims.Node);
        Assert.Equal("web-1", held.Node);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(30), held.LeaseUntilUtc!.Value, TimeSpan.FromMilliseconds(1));
    }

    [SkippableFact]
    public async Task Unset_NamesTheMachineAndProcess_AndHoldsForTwoMinutes()
    {
        await using var database = await new TProvider().CreateAsync();
        await using var node = Node(database, []);

        var claims = node.GetRequiredService<JobClaims>();

        Assert.StartsWith($"{Environment.MachineName}/{Environment.ProcessId}/", claims.Node);
        Assert.Equal(TimeSpan.FromMinutes(2), claims.Lease);
    }

    [SkippableTheory]
    [InlineData("Jobs:LeaseSeconds", "5", "Jobs:LeaseSeconds")]
    [InlineData("Jobs:LeaseSeconds", "99999", "Jobs:LeaseSeconds")]
    [InlineData("Jobs:Node", "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", "Jobs:Node")]
    public async Task Nonsense_IsRefusedWithTheSettingNamed(string key, string value, string named)
    {
        await using var database = await new TProvider().CreateAsync();
        await using var node = Node(database, new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => node.GetRequiredService<JobClaims>());

        Assert.Contains(named, error.Message);
    }

    private static ServiceProvider Node(TestDatabase database, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddData(database.Options.Settings(settings), database.Directory);
        return services.BuildServiceProvider();
    }
}

public sealed class SqliteJobOptionsTests : JobOptionsTests<Sqlite>;

public sealed class PostgresJobOptionsTests : JobOptionsTests<Postgres>;
