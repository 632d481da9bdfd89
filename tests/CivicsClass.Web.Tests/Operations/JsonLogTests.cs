using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>With <c>Logging:Format=json</c> the site writes one JSON object per line, each request's lines carrying its request id.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonLogs_CarryTheRequestIdOfEachRequest()
    {
        await using var database = await new Sqlite().CreateAsync();
        var port = FreePort();
        var start = OperatedSite.Process(database, new Dictionary<string, string>
        {
            ["Setup__Recipe"] = RepositoryPaths.Recipe,
            ["Setup__ImportSeeds"] = "false",
            ["Setup__AdminPassword"] = SiteFactory.AdminPassword,
            ["Logging__Format"] = "json",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }, "--urls", $"http://127.0.0.1:{port}");
        var lines = new List<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpResponseMessage? answer = null;
            var clock = Stopwatch.StartNew();
            while (answer is null && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    answer = await http.GetAsync("/healthz?probe=json-log");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200); // not listening yet
                }
            }

            Assert.Equal(HttpStatusCode.OK, answer?.StatusCode);
            List<JsonElement> entries;
            clock.Restart();
            do
            {
                await Task.Delay(100);
                lock (lines)
                {
                    entries = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
                }
            }
            while (!entries.Any(Mentions) && clock.Elapsed < TimeSpan.FromSeconds(10));

            var request = entries.First(Mentions);
            Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", request.GetProperty("Category").GetString());
            var scope = request.GetProperty("Scopes").EnumerateArray().First(s => s.TryGetProperty("RequestId", out _));
            Assert.False(string.IsNullOrEmpty(scope.GetProperty("RequestId").GetString()));
            Assert.Equal("/healthz", scope.GetProperty("RequestPath").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static bool Mentions(JsonElement entry) => entry.GetRawText().Contains("probe=json-log", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
