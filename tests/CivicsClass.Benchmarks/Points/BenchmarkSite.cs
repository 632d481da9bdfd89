using CivicsClass.Content;
using CivicsClass.Data;
using CivicsClass.Data.Migrations;
using CivicsClass.Learning;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicsClass.Benchmarks.Points;

/// <summary>
/// A throw-away database with the data, content and learning modules composed over it as the host
/// composes them, migrated. SQLite lives in a temporary folder; PostgreSQL gets a database of its own
/// on the server. Both are removed when disposed, unless <c>BENCH_KEEP</c> is set, so that a slow
/// query can be looked at afterwards.
/// </summary>
internal sealed class BenchmarkSite : IAsyncDisposable
{
    private readonly Func<Task> _drop;
    private readonly string _where;

    private BenchmarkSite(DatabaseOptions database, ServiceProvider services, Func<Task> drop, string where)
    {
        Database = database;
        Services = services;
        _drop = drop;
        _where = where;
    }

    public DatabaseOptions Database { get; }

    public ServiceProvider Services { get; }

    public static Task<BenchmarkSite> SqliteAsync(Action<IServiceCollection>? compose = null)
    {
        var directory = NewDirectory();
        var database = new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "bench.db")}" };
        return CreateAsync(database, directory, compose, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        }, directory);
    }

    public static async Task<BenchmarkSite> PostgresAsync(string server, Action<IServiceCollection>? compose = null)
    {
        var name = "civics_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }

        var directory = NewDirectory();
        var database = new DatabaseOptions { Provider = "Postgres", ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
        return await CreateAsync(database, directory, compose, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            Directory.Delete(directory, recursive: true);
        }, $"database {name}");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Environment.GetEnvironmentVariable("BENCH_KEEP") is null)
        {
            await _drop();
        }
        else
        {
            Console.WriteLine($"kept {_where}");
        }
    }

    private static async Task<BenchmarkSite> CreateAsync(DatabaseOptions database, string directory, Action<IServiceCollection>? compose, Func<Task> drop, string where)
    {
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddData(database.Settings(), directory)
            .AddContent()
            .AddLearning(new ConfigurationBuilder().Build());
        compose?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        try
        {
            await services.GetRequiredService<MigrationRunner>().RunAsync();
        }
        catch
        {
            await services.DisposeAsync();
            await drop();
            throw;
        }

        return new BenchmarkSite(database, services, drop, where);
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
