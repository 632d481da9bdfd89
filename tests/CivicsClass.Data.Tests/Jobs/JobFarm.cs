using CivicsClass.Data.Jobs;
using CivicsClass.Data.Migrations;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Data.Tests.Jobs;

/// <summary>Several nodes (each its own service provider, as each its own process) over one migrated test database, sharing a clock.</summary>
internal sealed class JobFarm : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly List<ServiceProvider> _nodes;

    private JobFarm(TestDatabase database, List<ServiceProvider> nodes)
    {
        _database = database;
        _nodes = nodes;
    }

    public IReadOnlyList<ServiceProvider> Nodes => _nodes;

    public static async Task<JobFarm> CreateAsync(IDatabaseProvider provider, int nodes, TimeProvider clock)
    {
        var database = await provider.CreateAsync();
        var providers = Enumerable.Range(0, nodes).Select(_ =>
        {
            var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddData(database.Options.Settings(), database.Directory);
            services.AddSingleton(clock);
            return services.BuildServiceProvider();
        }).ToList();
        await providers[0].GetRequiredService<MigrationRunner>().RunAsync();
        return new JobFarm(database, providers);
    }

    public JobClaims Claims(int node) => _nodes[node].GetRequiredService<JobClaims>();

    public async Task<JobRun?> RunOfAsync(string name) => (await Claims(0).ReadAsync()).SingleOrDefault(r => r.Name == name);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
