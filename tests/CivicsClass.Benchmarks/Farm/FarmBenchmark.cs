using CivicsClass.Benchmarks.Content;
using CivicsClass.Benchmarks.Site;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CivicsClass.Benchmarks.Farm;

/// <summary>
/// The lesson page and a search against one web node and against two on one PostgreSQL database
/// (wrk on loopback). With two nodes, two wrk runs go at once, one per node, with half the
/// connections each; their rates add up and the p99 is the worse of the two. Every request misses
/// the output cache, so each node renders and asks the database every time.
/// </summary>
internal static class FarmBenchmark
{
    private static readonly (string Name, string Path)[] s_paths =
    [
        ("lesson page", "/lessons/anyuan-great-strike-1922"),
        ("search", "/search?q=%E5%8A%B3%E6%A8%A1"),
    ];

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        if (!File.Exists("/usr/bin/wrk") || options.Postgres is null)
        {
            Console.Error.WriteLine("farm needs wrk (apt-get install wrk) and --postgres CONNECTION_STRING (or CIVICS_TEST_POSTGRES)");
            return 2;
        }

        var name = "civics_farm_" + Guid.NewGuid().ToString("N")[..12];
        await using (var server = new NpgsqlConnection(options.Postgres))
        {
            await server.ExecuteAsync($"CREATE DATABASE {name}");
        }

        var database = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name, MaxPoolSize = 60 }.ConnectionString;
        try
        {
            await using var a = new Node(database);
            var first = a.Start();
            await using var b = new Node(database);
            var second = b.Start();
            Console.WriteLine($"farm benchmark: PostgreSQL, wrk, {options.Connections} connections in all, {options.Seconds} s per run, nodes {first} and {second}");
            foreach (var (label, path) in s_paths)
            {
                var one = await SiteBenchmark.WrkAsync(first, path, options, varying: true);
                var half = options with { Connections = Math.Max(1, options.Connections / 2) };
                var both = await Task.WhenAll(SiteBenchmark.WrkAsync(first, path, half, varying: true), SiteBenchmark.WrkAsync(second, path, half, varying: true));
                var total = both.Sum(f => f.PerSecond);
                Console.WriteLine($"[{label}]");
                Console.WriteLine($"  one node   {one}");
                Console.WriteLine($"  two nodes  {total,9:F0}/s  p99 {both.Max(f => f.P99),7:F2} ms   {total / one.PerSecond:F2}x one node");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(options.Postgres);
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        return 0;
    }

    /// <summary>The real site on Kestrel, on the shared database; the first node seeds it.</summary>
    private sealed class Node(string database) : WebApplicationFactory<Program>
    {
        public string Start()
        {
            UseKestrel(0);
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(Path.Combine(ContentBenchmark.FindRoot(), "src", "CivicsClass.Web"));
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", database);
            builder.UseSetting("Search:IndexPath", Path.Combine(Path.GetTempPath(), "civics-farm-search-" + Guid.NewGuid().ToString("N")));
            builder.UseSetting("Setup:AdminPassword", "Benchmark-Site-1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
