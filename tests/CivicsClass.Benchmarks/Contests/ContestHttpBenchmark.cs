using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Benchmarks.Content;
using CivicsClass.Content.Seeds;
using CivicsClass.Accounts;
using CivicsClass.Accounts.Tokens;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicsClass.Benchmarks.Contests;

/// <summary>
/// The contest over HTTP on loopback against the real site on Kestrel (<c>contests --part http</c>): N participants
/// (2 000) with bearer tokens start a round of the seeded contest at the same moment, then play it together, each
/// answering the ten questions in turn after a think time of 0–12 s, at most --connections requests in flight (the
/// client's connection pool). Latency is from asking to the response, queueing included. The ceiling is the same
/// requests — same client, headers, body and pacing — to a bare Kestrel endpoint in this process that answers 204.
/// </summary>
internal static class ContestHttpBenchmark
{
    private static readonly string s_contest = SeedIds.For("Contest", "gongyun-bainian-zhishi-jingsai");

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var participants = options.Users == 1_000_000 ? 2_000 : options.Users;
        Console.WriteLine($"contests over HTTP (loopback, Kestrel): {participants:N0} participants, {options.Connections} requests in flight");
        await using var ceiling = await CeilingAsync();
        var directory = Directory.CreateTempSubdirectory("civics-contest-http-").FullName;
        try
        {
            await using (var sqlite = new KestrelSite("Sqlite", $"Data Source={Path.Combine(directory, "site.db")}", directory))
            {
                await RunOnAsync("SQLite", sqlite, ceiling.Address, participants, options);
            }

            if (options.Postgres is { } server && !options.SqliteOnly)
            {
                var name = "civics_contest_http_" + Guid.NewGuid().ToString("N")[..12];
                await using (var admin = new NpgsqlConnection(server))
                {
                    await admin.ExecuteAsync($"CREATE DATABASE {name}");
                }

                try
                {
                    var database = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = Math.Max(40, options.Connections + 8) }.ConnectionString;
                    await using var postgres = new KestrelSite("Postgres", database, directory);
                    await RunOnAsync("PostgreSQL", postgres, ceiling.Address, participants, options);
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var admin = new NpgsqlConnection(server);
                    await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task RunOnAsync(string name, KestrelSite site, string ceilingAddress, int participants, BenchmarkOptions options)
    {
        var address = site.Start();
        var tokens = await TokensAsync(site.Services, participants);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections }) { Timeout = TimeSpan.FromMinutes(5) };
        var rounds = new ConcurrentDictionary<long, string>();
        var start = await TimedAsync(participants, options.Connections, async i =>
        {
            using var request = Request(HttpMethod.Post, $"{address}/api/v1/contests/{s_contest}/rounds", tokens[i], null);
            using var response = await client.SendAsync(request);
            Expect(response, HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            rounds[i] = body.RootElement.GetProperty("roundId").GetString()!;
        });
        Console.WriteLine($"{name}:");
        Console.WriteLine($"  start a round, all {participants:N0} at the same moment   {start}");

        // A round as people play it: each participant answers the ten questions one after another, thinking
        // 0–2× the average time before each, so the site meets a steady stream rather than everyone at the same millisecond.
        var think = TimeSpan.FromSeconds(6);
        var offered = participants / think.TotalSeconds;
        var answer = await PacedAsync(participants, think, async (user, number) =>
        {
            using var request = Request(HttpMethod.Post, $"{address}/api/v1/contests/rounds/{rounds[user]}/answers", tokens[user], new { number, option = 0 });
            using var response = await client.SendAsync(request);
            Expect(response, HttpStatusCode.NoContent);
        });
        var bare = await PacedAsync(participants, think, async (user, number) =>
        {
            using var request = Request(HttpMethod.Post, $"{ceilingAddress}/answers", tokens[user], new { number, option = 0 });
            using var response = await client.SendAsync(request);
            Expect(response, HttpStatusCode.NoContent);
        });
        Console.WriteLine($"  answer a question, {participants:N0} playing at once (about {offered:N0} answers/s offered)");
        Console.WriteLine($"    site                 {answer}");
        Console.WriteLine($"    ceiling: bare 204    {bare}   p99 site/ceiling {answer.P99 / bare.P99:N1}×   {Measure.PeakMemory()}");

    }

    /// <summary>Each participant's ten calls in turn, after a random think time; latency is from asking to the response.</summary>
    private static async Task<Figures> PacedAsync(int participants, TimeSpan think, Func<int, int, Task> call)
    {
        var latencies = new double[participants * 10];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, participants).Select(user => Task.Run(async () =>
        {
            var random = new Random(user);
            for (var number = 1; number <= 10; number++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, (int)(2 * think.TotalMilliseconds))));
                var asked = Stopwatch.GetTimestamp();
                await call(user, number);
                latencies[user * 10 + number - 1] = Stopwatch.GetElapsedTime(asked).TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        return new Figures(latencies.Length / total.Elapsed.TotalSeconds, latencies[latencies.Length / 2], latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))]);
    }

    /// <summary>Workers with bearer tokens issued by the site itself (no password hashing, which would dominate the set-up).</summary>
    private static async Task<string[]> TokensAsync(IServiceProvider services, int count)
    {
        var tokens = new string[count];
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = $"139{i:D8}", DisplayName = $"职工{i}", Roles = ["Worker"], CreatedUtc = DateTime.UtcNow };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            tokens[i] = (await scope.ServiceProvider.GetRequiredService<BearerTokens>().IssueAsync(user)).AccessToken;
        }

        return tokens;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string token, object? body)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}");
        }
    }

    /// <summary>All calls asked at once; the client's pool bounds how many are in flight. Latency is from asking to the response.</summary>
    private static async Task<Figures> TimedAsync(int calls, int connections, Func<long, Task> call)
    {
        ThreadPool.GetMinThreads(out var threads, out var io);
        ThreadPool.SetMinThreads(Math.Max(threads, connections * 2), io);
        var latencies = new double[calls];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, calls).Select(i => Task.Run(async () =>
        {
            var asked = Stopwatch.GetTimestamp();
            await call(i);
            latencies[i] = Stopwatch.GetElapsedTime(asked).TotalMilliseconds;
        })));
        total.Stop();
        Array.Sort(latencies);
        return new Figures(calls / total.Elapsed.TotalSeconds, latencies[calls / 2], latencies[Math.Min(calls - 1, (int)(calls * 0.99))]);
    }

    /// <summary>A bare Kestrel endpoint that reads the body and answers 204: what the same request costs with no site behind it.</summary>
    private static async Task<Ceiling> CeilingAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/answers", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            return Results.NoContent();
        });
        await app.StartAsync();
        return new Ceiling(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private sealed record Ceiling(WebApplication App, string Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>The real site, seeded, on Kestrel, in production mode.</summary>
    private sealed class KestrelSite(string provider, string database, string directory) : WebApplicationFactory<Program>
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
            builder.UseSetting("Database:Provider", provider);
            builder.UseSetting("Database:ConnectionString", database);
            builder.UseSetting("Search:IndexPath", Path.Combine(directory, "search-" + provider));
            builder.UseSetting("Setup:AdminPassword", "Benchmark-Site-1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // The lessons' narration would compete for the same two cores; the contest is what is measured.
            builder.UseSetting("Forms:RunJobs", "false");
        }
    }
}
