using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CivicsClass.Testing;
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
