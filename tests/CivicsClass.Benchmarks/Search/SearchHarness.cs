using CivicsClass.Content;
using CivicsClass.Data;
using CivicsClass.Data.Migrations;
using CivicsClass.Search;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicsClass.Benchmarks.Search;

/// <summary>A throw-away database of either backend with the search module, as the site composes it.</summary>
internal sealed class SearchHarness : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private SearchHarness(ServiceProvider services, string backend, Func<Task> drop)
    {
        Services = services;
        Backend = backend;
        _drop = drop;
    }

    public ServiceProvider Services { get; }

    public string Backend { get; }

    public static async Task<SearchHarness> CreateAsync(string backend, string? postgres)
    {
        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        DatabaseOptions options;
        Func<Task> drop;
        if (backend == "postgres")
        {
            var server = postgres ?? throw new InvalidOperationException("--postgres CONNECTION_STRING (or CIVICS_TEST_POSTGRES) is needed for the postgres backend.");
            var name = "civics_search_" + Guid.NewGuid().ToString("N")[..8];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.ExecuteAsync($"CREATE DATABASE {name}");
            }

            options = new DatabaseOptions { Provider = "Postgres", ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
            drop = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            };
        }
        else
        {
            options = new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "search.db")}" };
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            };
        }

        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddData(options.Settings(), directory).AddContent().AddSearch(new ConfigurationBuilder().Build()).BuildServiceProvider();
        services.GetRequiredService<SearchOptions>().ResultCacheSize = 0;
        await services.GetRequiredService<MigrationRunner>().RunAsync();
        return new SearchHarness(services, backend, drop);
    }

    /// <summary>Whether repeated searches are answered from the result cache; off unless asked, to measure the engine.</summary>
    public void UseResultCache(bool on) => Services.GetRequiredService<SearchOptions>().ResultCacheSize = on ? new SearchOptions().ResultCacheSize : 0;

    public async Task<SearchResult> SearchAsync(string query, int size = 10)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query, Size: size));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _drop();
    }
}
