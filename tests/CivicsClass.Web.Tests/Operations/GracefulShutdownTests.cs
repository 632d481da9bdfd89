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
    /// A node stopped while its indexer works through a long queue (PostgreSQL, as a farm runs) ends the
    /// batch in hand or rolls it back, and leaves the rest queued as it found it: not lost, not marked
    /// failed. The next start finishes the work.
    /// </summary>
    [SkippableFact]
    public async Task Terminated_WhileIndexing_HandsTheRestOfTheQueueBack()
    {
        await using var database = await new Postgres().CreateAsync();
        var copies = 400;
        long queued;
        using (var site = await SiteProcess.StartAsync(database, new Dictionary<string, string>(s_settings)
        {
            ["Setup__ImportSeeds"] = "true", ["Setup__Seeds"] = RepositoryPaths.Seeds,
        }))
        {
            await using var connection = await OpenAsync(database);
            await WaitAsync(async () => await QueuedAsync(connection) == 0, "the first indexing");
            // Every indexed item queued again many times over: a rebuild's worth of batches.
            queued = await connection.ExecuteAsync($"""
                INSERT INTO search_queue (content_item_id, enqueued_utc)
                SELECT i.content_item_id, now() FROM content_item_index i CROSS JOIN generate_series(1, {copies})
                WHERE i.published AND i.content_type = ANY(@types)
                """, new { types = SearchDocumentBuilder.IndexedTypes.ToArray() });
            await WaitAsync(async () => await QueuedAsync(connection) < queued * 9 / 10, "the indexer to start on the queue");

            site.Terminate();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await site.Process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, site.Process.ExitCode);
            Assert.DoesNotContain(site.Lines, l => l.Contains("failed", StringComparison.OrdinalIgnoreCase));

            var left = await QueuedAsync(connection);
            Assert.InRange(left, 1, queued - 1); // stopped in the middle
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM search_queue WHERE attempts > 0 OR last_error IS NOT NULL"));
        }

        await using (var factory = OperatedSite.Start(database, seeds: true))
        {
            factory.CreateClient().Dispose();
            await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(120));
        }

        await using var check = await OpenAsync(database);
        Assert.Equal(0, await QueuedAsync(check));
        Assert.Equal(
            await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM content_item_index WHERE published AND content_type = ANY(@types)",
                new { types = SearchDocumentBuilder.IndexedTypes.ToArray() }),
            await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM search_document"));
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.Options.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    private static Task<long> QueuedAsync(NpgsqlConnection connection) => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM search_queue");

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
