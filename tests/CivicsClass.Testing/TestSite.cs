using CivicsClass.Content;
using CivicsClass.Data;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Learning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Testing;

/// <summary>The data and content modules over a test database, migrated, as the host composes them.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private TestSite(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public TestDatabase Database => _database;

    public static async Task<TestSite> CreateAsync(IDatabaseProvider provider, Action<IServiceCollection>? configure = null)
    {
        var database = await provider.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddData(database.Options.Settings(), database.Directory);
        services.AddContent();
        services.AddLearning(new ConfigurationBuilder().Build()); // the site's recipe also sets the points rules
        configure?.Invoke(services);
        var provider2 = services.BuildServiceProvider();
        await provider2.GetRequiredService<MigrationRunner>().RunAsync();
        return new TestSite(database, provider2);
    }

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public ISession CreateSession() => Services.GetRequiredService<IDocumentStore>().CreateSession();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
