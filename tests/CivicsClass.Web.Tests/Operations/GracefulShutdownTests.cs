using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>A node asked to stop (SIGTERM, as a deploy or a container runtime sends) stops taking work but finishes what it began.</summary>
public sealed class GracefulShutdownTests
{
    private static readonly Dictionary<string, string> s_settings = new()
    {
        ["Setup__Recipe"] = RepositoryPaths.Recipe,
        ["Setup__ImportSeeds"] = "false",
        ["Setup__AdminPassword"] = SiteFactory.AdminPassword,
    };

    [Theory]
    [InlineData("form")] // a worker signing in on the site
    [InlineData("json")] // the app signing in
    public async Task Terminated_FinishesTheRequestInFlight_TakesNoNewOne_AndExitsCleanly(string kind)
    {
        await using var database = await new Sqlite().CreateAsync();
        using var site = await SiteProcess.StartAsync(database, s_settings);
        var (path, type, body, cookie) = kind == "json"
            ? ("/api/v1/auth/login", "application/json", JsonSerializer.SerializeToUtf8Bytes(new { phoneOrEmail = "admin", password = SiteFactory.AdminPassword }), "")
            : await SignInFormAsync(site);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, site.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{site.Port}\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\n{cookie}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(body[..(body.Length / 2)]).ToArray());
        await Task.Delay(500); // the node is reading the request when it is told to stop

        site.Terminate();
        await Task.Delay(1500);
        using (var newcomer = new HttpClient { BaseAddress = site.Http.BaseAddress })
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => newcomer.GetAsync("/healthz"));
        }

        Assert.False(site.Process.HasExited, "the node stopped before the request in flight was answered:\n" + string.Join('\n', site.Lines));
        await stream.WriteAsync(body.AsMemory(body.Length / 2));
        var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        if (kind == "json")
        {
            Assert.StartsWith("HTTP/1.1 200", answer);
            Assert.Contains("accessToken", answer);
        }
        else
        {
            Assert.StartsWith("HTTP/1.1 302", answer); // signed in, sent on
            Assert.Contains("Set-Cookie: civics.auth=", answer);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await site.Process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, site.Process.ExitCode);
    }

    /// <summary>
    /// A node stopped while it applies a long index log (PostgreSQL, as a farm runs) makes what it has
    /// applied durable with the cursor it reached, and nothing is marked failed. The next start goes on
    /// from there, and the index ends up equal to what is published, each item once.
    /// </summary>
    [SkippableFact]
    public async Task Terminated_WhileApplyingTheIndexLog_KeepsItsPlace_NextStartFinishes()
    {
        await using var database = await new Postgres().CreateAsync();
        var folder = OperatedSite.ProcessSearchIndex(database);
        long before, head, atExit;
        using (var site = await SiteProcess.StartAsync(database, new Dictionary<string, string>(s_settings)
        {
            ["Setup__ImportSeeds"] = "true", ["Setup__Seeds"] = RepositoryPaths.Seeds, ["Search__ApplyBatchSize"] = "50",
        }))
        {
            await using var connection = await OpenAsync(database);
            await WaitAsync(async () => SearchIndexProbe.CommittedCursor(folder) == await HeadAsync(connection), "the first indexing");
            before = SearchIndexProbe.CommittedCursor(folder);
            // Every indexed item logged again many times over, numbered as the log numbers tasks: a long catch-up's worth of batches.
            var count = 100 * await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM content_item_index WHERE published AND path <> ''");
            await connection.ExecuteAsync("""
                WITH h AS (UPDATE search_index_head SET seq = seq + @count WHERE id = 1 RETURNING seq)
                INSERT INTO search_index_log (seq, content_item_id, operation, created_utc)
                SELECT (SELECT seq FROM h) - @count + row_number() OVER (), i.content_item_id, 'upsert', now()
                FROM content_item_index i CROSS JOIN generate_series(1, 100) WHERE i.published AND i.path <> ''
                """, new { count });
            head = await HeadAsync(connection);
            await WaitAsync(() => Task.FromResult(SearchIndexProbe.CommittedCursor(folder) > before), "the node to start on the log");

            site.Terminate();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await site.Process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, site.Process.ExitCode);
            Assert.DoesNotContain(site.Lines, l => l.Contains("failed", StringComparison.OrdinalIgnoreCase));
            atExit = SearchIndexProbe.CommittedCursor(folder);
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM search_index_failure"));
        }

        Assert.InRange(atExit, before + 1, head - 1); // stopped in the middle, with what it had done kept
        await using (var factory = OperatedSite.Start(database, seeds: true, searchIndex: folder))
        {
            factory.CreateClient().Dispose();
            await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(120));
            var (documents, distinct) = SearchIndexProbe.Count(factory.Services.GetRequiredService<CivicsClass.Search.Engine.SearchIndex>());
            await using var check = await OpenAsync(database);
            Assert.Equal(head, SearchIndexProbe.CommittedCursor(folder));
            Assert.Equal(
                await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM content_item_index WHERE published AND path <> ''"),
                documents);
            Assert.Equal(documents, distinct);
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.Options.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static Task<long> HeadAsync(NpgsqlConnection connection) => connection.ExecuteScalarAsync<long>("SELECT seq FROM search_index_head WHERE id = 1");

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"waited too long for {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>The sign-in form's fields with its antiforgery token, and the cookie that goes with it.</summary>
    private static async Task<(string, string, byte[], string)> SignInFormAsync(SiteProcess site)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = site.Http.BaseAddress };
        var token = FormClient.Token(await browser.GetStringAsync("/account/login"));
        var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["phoneOrEmail"] = "admin", ["password"] = SiteFactory.AdminPassword, ["__RequestVerificationToken"] = token,
        });
        var cookies = handler.CookieContainer.GetCookieHeader(site.Http.BaseAddress!);
        return ("/account/login", "application/x-www-form-urlencoded", await fields.ReadAsByteArrayAsync(), $"Cookie: {cookies}\r\n");
    }
}
