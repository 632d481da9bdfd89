using System.Diagnostics;
using System.Globalization;
using System.Text;
using CivicsClass.Benchmarks.Site;
using CivicsClass.Data;

namespace CivicsClass.Benchmarks.Search;

/// <summary>
/// The site's own process serving searches over 100 000 published lessons (<c>search-host</c>). The built site
/// runs as a child process (production mode, SQLite, its own content root and App_Data, Kestrel on loopback) and
/// sets itself up (recipe, seeds); lessons recombined from the corpus's sentences are then published into its
/// database through the content manager. For each GC setting asked for, the site is started on a missing index
/// (it rebuilds it from the published content, as a new node does; the first setting always, the others with
/// <c>--rebuild-each</c>) and serves the search mix, and started again on the built index and serves it again:
/// <c>/search?q=</c> (facets, highlighted snippets, the page rendered) per kind of query with one client and with
/// eight (wrk), then the JSON API with all kinds mixed. Every search runs the engine (result cache off). Memory is
/// the child's own: its peak resident set (VmHWM, from /proc) and the managed heap after a collection, read from
/// its <c>/metrics</c> every second.
/// </summary>
internal static class HostSearchBenchmark
{
    /// <summary>The GC settings that can be compared, as the runtime's environment variables.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> s_modes = new()
    {
        ["site"] = [],
        ["server"] = new() { ["DOTNET_gcServer"] = "1" },
        ["workstation"] = new() { ["DOTNET_gcServer"] = "0", ["DOTNET_gcConcurrent"] = "1" },
        ["server-conserve"] = new() { ["DOTNET_gcServer"] = "1", ["DOTNET_GCConserveMemory"] = "5" },
        ["server-nodatas"] = new() { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "0" },
    };

    public static async Task<int> RunAsync(BenchmarkOptions options, string[] args)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is needed: apt-get install wrk");
            return 2;
        }

        var documents = options.Items == 10_000 ? 100_000 : options.Items;
        var gcIndex = Array.IndexOf(args, "--gc");
        var modes = (gcIndex >= 0 && gcIndex + 1 < args.Length ? args[gcIndex + 1] : "server,workstation,server-conserve").Split(',');
        if (modes.FirstOrDefault(m => !s_modes.ContainsKey(m)) is { } unknown)
        {
            Console.Error.WriteLine($"unknown GC setting '{unknown}': {string.Join(", ", s_modes.Keys)}");
            return 2;
        }

        // --data DIR keeps the site (database, index) in DIR, and a later run given the same DIR starts from it without importing again.
        var dataIndex = Array.IndexOf(args, "--data");
        var kept = dataIndex >= 0 && dataIndex + 1 < args.Length ? Path.GetFullPath(args[dataIndex + 1]) : null;
        var directory = kept ?? Directory.CreateTempSubdirectory("civics-search-host-").FullName;
        var contentRoot = Path.Combine(directory, "site");
        // --database postgres: the site on a database of its own on the PostgreSQL server of --postgres (or CIVICS_TEST_POSTGRES), named after DIR when kept.
        var onPostgres = Array.IndexOf(args, "--database") is var dbIndex and >= 0 && dbIndex + 1 < args.Length && args[dbIndex + 1] == "postgres";
        var database = onPostgres
            ? await PostgresDatabaseAsync(options.Postgres, directory)
            : new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "site.db")}" };
        var imported = false;
        Console.WriteLine($"search on the site's own process: {documents:N0} published lessons, {(onPostgres ? "PostgreSQL" : "SQLite")}, {SiteProcess.BuiltSite()}, {options.Seconds} s per figure, GC settings {string.Join(", ", modes)}, {Load()}");
        var rebuildEach = args.Contains("--rebuild-each");
        var results = new List<(string Mode, Phase? Rebuilt, Phase Restarted)>();
        try
        {
            var marker = Path.Combine(directory, "imported");
            if (File.Exists(marker) || (!onPostgres && File.Exists(Path.Combine(directory, "site.db"))))
            {
                Console.WriteLine($"[kept] the site in {directory}, as an earlier run left it");
            }
            else
            {
                await ImportAsync(database, contentRoot, documents, s_modes[modes[0]]);
                await File.WriteAllTextAsync(marker, database.ConnectionString);
                imported = true;
            }

            // --rebuild NAME,NAME compares the rebuild's memory and speed under search and GC settings, instead of serving.
            var rebuildIndex = Array.IndexOf(args, "--rebuild");
            if (rebuildIndex >= 0 && rebuildIndex + 1 < args.Length)
            {
                var names = args[rebuildIndex + 1].Split(',');
                if (names.FirstOrDefault(n => !RebuildComparison.Variants.ContainsKey(n)) is { } unknownVariant)
                {
                    Console.Error.WriteLine($"unknown rebuild setting '{unknownVariant}': {string.Join(", ", RebuildComparison.Variants.Keys)}");
                    return 2;
                }

                await RebuildComparison.RunAsync(database, contentRoot, documents, names);
                return 0;
            }

            foreach (var mode in modes)
            {
                // The first setting rebuilds (the import left the index behind); with --rebuild-each, each setting the first time it runs.
                Phase? rebuilt = null;
                // The import appended no index task: a site just imported rebuilds whether kept or not.
                if ((results.Count == 0 && (kept is null || imported)) || (rebuildEach && results.All(r => r.Mode != mode)))
                {
                    var index = Path.Combine(contentRoot, "App_Data", "search");
                    if (Directory.Exists(index))
                    {
                        Directory.Delete(index, recursive: true);
                    }

                    rebuilt = await ServeAsync(mode, "index missing: rebuilt from the content, then serving", database, contentRoot, options.Seconds);
                }

                var restarted = await ServeAsync(mode, "index built: started, then serving", database, contentRoot, options.Seconds);
                results.Add((mode, rebuilt, restarted));
            }

            Summary(results);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (kept is null)
            {
                Directory.Delete(directory, recursive: true);
                if (onPostgres)
                {
                    await DropPostgresDatabaseAsync(options.Postgres!, database.ConnectionString!);
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// The site sets itself up (migrations, recipe, seeds, administrator) and stops; then the lessons are published
    /// through the content manager beside it. The site rebuilds its index from the published content when it next
    /// starts without one.
    /// </summary>
    private static async Task ImportAsync(DatabaseOptions database, string contentRoot, int documents, Dictionary<string, string> gc)
    {
        await using (var site = SiteProcess.Start(contentRoot, database.Provider, database.ConnectionString!, gc))
        {
            var setUp = await site.WaitReadyAsync(TimeSpan.FromMinutes(5));
            Console.WriteLine($"[set-up] migrations, recipe, seeds, administrator: ready in {setUp.TotalSeconds:F1} s, {site.ResidentMb} MB resident");
        }

        var sentences = SearchBenchmark.Sentences();
        var watch = Stopwatch.StartNew();
        await LessonImport.ImportAsync(database, contentRoot, SearchBenchmark.Generate(sentences, documents), batchSize: 500,
            new Progress<int>(done =>
            {
                if (done % 20_000 == 0)
                {
                    Console.WriteLine($"  published {done:N0} in {watch.Elapsed.TotalSeconds:F0} s, {Load()}");
                }
            }));
        Console.WriteLine($"[import] {documents:N0} lessons published through the content manager (500 a unit of work) in {watch.Elapsed.TotalSeconds:F0} s: {documents / watch.Elapsed.TotalSeconds:F0}/s, {Load()}");
    }

    /// <summary>A database of the site's own on the PostgreSQL server, named after the data folder; created when missing.</summary>
    private static async Task<DatabaseOptions> PostgresDatabaseAsync(string? server, string directory)
    {
        if (server is null)
        {
            throw new InvalidOperationException("--database postgres needs --postgres CONNECTION_STRING (or CIVICS_TEST_POSTGRES).");
        }

        var name = "civics_search_host_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..10];
        await using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin); // name: a fixed prefix and hex digits
                await create.ExecuteNonQueryAsync();
            }
        }

        return new DatabaseOptions { Provider = "Postgres", ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
    }

    private static async Task DropPostgresDatabaseAsync(string server, string connectionString)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var name = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new Npgsql.NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<Phase> ServeAsync(string mode, string what, DatabaseOptions database, string contentRoot, int seconds)
    {
        await using var site = SiteProcess.Start(contentRoot, database.Provider, database.ConnectionString!, s_modes[mode]);
        var ready = await site.WaitReadyAsync(TimeSpan.FromHours(1));
        var startPeak = site.PeakResidentMb;
        var startAnonymous = site.PeakAnonymousMb;
        var startResident = site.ResidentMb;
        Console.WriteLine($"[{mode} GC ({site.ServerGcThreads} server GC threads), {what}] ready in {ready.TotalSeconds:F1} s, peak {startPeak} MB resident ({startAnonymous} MB anonymous), {startResident} MB resident now, {Load()}");
        site.ResetPeak();
        using var heap = new HeapSampler(site.Address);
        var kinds = SearchBenchmark.QueryKinds;
        var all = kinds.SelectMany(k => k.Queries).ToArray();
        // Warm-up: every query through the page and the API, so the JIT has compiled the hot paths at their final tier.
        await Wrk(site.Address, Script(all.Select(q => Page(q)).Concat(all.Select(q => Api(q)))), connections: 8, seconds: Math.Max(3, seconds / 2));
        var figures = new List<(string Kind, Figures One, Figures Eight, int Hits, bool Marked)>();
        using (var http = new HttpClient())
        {
            foreach (var (kind, queries) in kinds)
            {
                var page = await http.GetStringAsync(site.Address + Page(queries[0]));
                var json = await http.GetStringAsync(site.Address + Api(queries[0]));
                var one = await Wrk(site.Address, Script(queries.Select(q => Page(q))), connections: 1, seconds);
                var eight = await Wrk(site.Address, Script(queries.Select(q => Page(q))), connections: 8, seconds);
                var total = int.Parse(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("total").GetRawText(), CultureInfo.InvariantCulture);
                figures.Add((kind, one, eight, total, page.Contains("<mark>", StringComparison.Ordinal)));
                Console.WriteLine($"  /search {kind,-12} 1 client {one}   8 clients {eight}   ({queries[0]} → {total:N0} hits{(page.Contains("<mark>", StringComparison.Ordinal) ? ", highlighted" : "")})");
            }
        }

        var api = await Wrk(site.Address, Script(all.Select(q => Api(q))), connections: 8, seconds);
        Console.WriteLine($"  /api/v1/search, all kinds mixed, 8 clients {api}");
        var (heapMb, committedMb) = await heap.StopAsync();
        var phase = new Phase(ready, startPeak, site.PeakResidentMb, Math.Max(startPeak, site.PeakResidentMb), startAnonymous, site.PeakAnonymousMb, heapMb, committedMb,
            figures.Select(f => (f.Kind, f.One, f.Eight)).ToList(), api);
        Console.WriteLine($"  peak while serving {phase.ServingPeakMb} MB resident, {phase.ServingAnonymousMb} MB anonymous (whole life {phase.LifePeakMb} MB resident), managed heap after a collection at most {heapMb:F0} MB ({committedMb:F0} MB committed), {Load()}");
        return phase;
    }

    private static void Summary(List<(string Mode, Phase? Rebuilt, Phase Restarted)> results)
    {
        var baseline = results[0];
        Console.WriteLine();
        Console.WriteLine($"summary (ratios against {baseline.Mode} GC, measured in this run; latency over HTTP through /search, the page rendered)");
        Console.WriteLine($"  {"GC",-16} {"rebuild",8} {"peak: rebuild",13} {"serving after",13} {"restart+serve",13} {"anonymous",13} {"heap max",8}   {"1 client p50/p99 ms per kind",-44} {"8 clients req/s per kind",-30} {"API mix req/s",13}");
        foreach (var (mode, rebuilt, restarted) in results)
        {
            var single = string.Join("  ", restarted.Kinds.Select(k => $"{k.One.P50:F1}/{k.One.P99:F1}"));
            var eight = string.Join(" ", restarted.Kinds.Select(k => $"{k.Eight.PerSecond,6:F0}"));
            var rate = restarted.Kinds.Sum(k => k.Eight.PerSecond) / baseline.Restarted.Kinds.Sum(k => k.Eight.PerSecond);
            var rebuild = rebuilt is null ? $"{"-",8} {"-",13} {"-",13}" : $"{rebuilt.Ready.TotalSeconds,7:F0}s {rebuilt.StartPeakMb,10} MB {rebuilt.ServingPeakMb,10} MB";
            Console.WriteLine($"  {mode,-16} {rebuild} {restarted.LifePeakMb,10} MB {Math.Max(rebuilt?.StartAnonymousMb ?? 0, Math.Max(restarted.StartAnonymousMb, restarted.ServingAnonymousMb)),10} MB {Math.Max(rebuilt?.HeapMb ?? 0, restarted.HeapMb),5:F0} MB   {single,-44} {eight,-30} {restarted.Api.PerSecond,7:F0}   8-client rate {rate:P0}");
        }

        Console.WriteLine($"  kinds: {string.Join(", ", baseline.Restarted.Kinds.Select(k => k.Kind))}; 1-client figures from the restarted site; after a rebuild:");
        foreach (var (mode, rebuilt, _) in results.Where(r => r.Rebuilt is not null))
        {
            Console.WriteLine($"  {mode,-16} 1 client p50/p99 {string.Join("  ", rebuilt!.Kinds.Select(k => $"{k.One.P50:F1}/{k.One.P99:F1}"))}   8 clients {string.Join(" ", rebuilt.Kinds.Select(k => $"{k.Eight.PerSecond:F0}/s p99 {k.Eight.P99:F1}"))}");
        }
    }

    private static string Page(string query) => "/search?q=" + Uri.EscapeDataString(query);

    private static string Api(string query) => "/api/v1/search?q=" + Uri.EscapeDataString(query);

    /// <summary>A wrk script that asks for the paths in turn, each connection starting at a different one.</summary>
    private static string Script(IEnumerable<string> paths)
    {
        var list = new StringBuilder();
        foreach (var path in paths)
        {
            list.Append('"').Append(path).Append("\",");
        }

        return $$"""
            local paths = { {{list}} }
            local counter = 0
            setup = function(thread) thread:set("offset", math.random(#paths)) end
            request = function()
              counter = counter + 1
              return wrk.format("GET", paths[(counter + (offset or 0)) % #paths + 1])
            end
            """;
    }

    private static Task<Figures> Wrk(string address, string script, int connections, int seconds) =>
        SiteBenchmark.WrkScriptAsync(address, "/", script, threads: connections == 1 ? 1 : 2, connections, seconds);

    internal static string Load() => "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private sealed record Phase(TimeSpan Ready, long StartPeakMb, long ServingPeakMb, long LifePeakMb, long StartAnonymousMb, long ServingAnonymousMb, double HeapMb, double CommittedMb,
        IReadOnlyList<(string Kind, Figures One, Figures Eight)> Kinds, Figures Api);
}
