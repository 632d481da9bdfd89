using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using CivicsClass.Benchmarks.Content;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Benchmarks.Site;

/// <summary>
/// The lesson page and the catalogue under load (wrk, loopback), cached and uncached, each beside
/// its ceiling: the same page's bytes, captured once and served from memory by the same Kestrel
/// host in the same run. A cached page can approach the ceiling but never beat it. "Uncached" means
/// every request misses the output cache (as a signed-in worker's always does); the detail page's
/// model may still come from the page-model cache, and the page is rendered every time.
/// </summary>
internal static partial class SiteBenchmark
{
    private static readonly (string Name, string Path)[] s_pages =
    [
        ("lesson page", "/lessons/anyuan-great-strike-1922"),
        ("catalogue", "/lessons?theme=%E5%B7%A5%E8%BF%90%E5%8E%86%E5%8F%B2"),
    ];

    public static async Task RunAsync(BenchmarkOptions options)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is needed: apt-get install wrk");
            return;
        }

        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        var pages = new ConcurrentDictionary<string, byte[]>();
        await using var factory = new BenchmarkSite(directory, pages);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Console.WriteLine($"site benchmark: wrk, {options.Connections} connections, {options.Seconds} s per run, {address}");

        foreach (var (name, path) in s_pages)
        {
            var bytes = await http.GetByteArrayAsync(path);
            pages[name] = bytes;
            var ceiling = await WrkAsync(address, $"/__ceiling?page={Uri.EscapeDataString(name)}", options, varying: false);
            var cached = await WrkAsync(address, path, options, varying: false);
            var uncached = await WrkAsync(address, path, options, varying: true);
            Console.WriteLine($"[{name}] {bytes.Length:N0} bytes");
            Console.WriteLine($"  ceiling (same bytes from memory) {ceiling}");
            Console.WriteLine($"  cached                           {cached}   ratio {cached.PerSecond / ceiling.PerSecond:P0}");
            Console.WriteLine($"  uncached (output cache missed)   {uncached}   ratio {uncached.PerSecond / ceiling.PerSecond:P0}");
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"host peak resident memory: {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        Directory.Delete(directory, recursive: true);
    }

    internal static Task<Figures> WrkAsync(string address, string path, BenchmarkOptions options, bool varying) =>
        // A different (ignored) page number per request: the output cache misses every time.
        WrkScriptAsync(address, path, varying ? $$"""
            counter = 0
            request = function()
              counter = counter + 1
              local separator = string.find("{{path}}", "?", 1, true) and "&" or "?"
              return wrk.format("GET", "{{path}}" .. separator .. "page=" .. (counter % 1000000 + 2000000))
            end
            """ : null, threads: 2, options.Connections, options.Seconds);

    /// <summary>wrk against <paramref name="path"/>, or the paths its Lua <paramref name="script"/> asks for; any non-2xx/3xx response fails the run.</summary>
    internal static async Task<Figures> WrkScriptAsync(string address, string path, string? script, int threads, int connections, int seconds)
    {
        var arguments = $"-t{Math.Min(threads, connections)} -c{connections} -d{seconds}s --latency";
        string? file = null;
        if (script is not null)
        {
            file = Path.GetTempFileName();
            await File.WriteAllTextAsync(file, script);
            arguments += $" -s {file}";
        }

        var start = new ProcessStartInfo("/usr/bin/wrk", $"{arguments} {address}{path}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (file is not null)
        {
            File.Delete(file);
        }

        var errors = NonSuccess().Match(output);
        if (errors.Success)
        {
            throw new InvalidOperationException($"{path}: {errors.Value}");
        }

        return new Figures(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(Percentile(50).Match(output)),
            Milliseconds(Percentile(99).Match(output)));
    }

    private static Regex Percentile(int p) => new($@"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+")]
    private static partial Regex NonSuccess();

    /// <summary>The real site, seeded, plus one endpoint that serves captured page bytes from memory.</summary>
    private sealed class BenchmarkSite(string directory, ConcurrentDictionary<string, byte[]> pages) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(Path.Combine(ContentBenchmark.FindRoot(), "src", "CivicsClass.Web"));
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(directory, "site.db")}");
            builder.UseSetting("Search:IndexPath", Path.Combine(directory, "search"));
            builder.UseSetting("Setup:AdminPassword", "Benchmark-Site-1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CeilingFilter(pages)));
        }
    }

    private sealed class CeilingFilter(ConcurrentDictionary<string, byte[]> pages) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/__ceiling", ceiling => ceiling.Run(context =>
            {
                var bytes = pages[context.Request.Query["page"].ToString()];
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = bytes.Length;
                return context.Response.Body.WriteAsync(bytes).AsTask();
            }));
            next(app);
        };
    }
}
