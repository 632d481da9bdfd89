using System.Diagnostics;
using System.Net;
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
        using var site = await SiteProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Setup__Recipe"] = RepositoryPaths.Recipe,
            ["Setup__ImportSeeds"] = "false",
            ["Setup__AdminPassword"] = SiteFactory.AdminPassword,
            ["Logging__Format"] = "json",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        var answer = await site.Http.GetAsync("/healthz?probe=json-log");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        List<JsonElement> entries;
        var clock = Stopwatch.StartNew();
        do
        {
            await Task.Delay(100);
            entries = site.Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        }
        while (!entries.Any(Mentions) && clock.Elapsed < TimeSpan.FromSeconds(10));

        var request = entries.First(Mentions);
        Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", request.GetProperty("Category").GetString());
        var scope = request.GetProperty("Scopes").EnumerateArray().First(s => s.TryGetProperty("RequestId", out _));
        Assert.False(string.IsNullOrEmpty(scope.GetProperty("RequestId").GetString()));
        Assert.Equal("/healthz", scope.GetProperty("RequestPath").GetString());
    }

    private static bool Mentions(JsonElement entry) => entry.GetRawText().Contains("probe=json-log", StringComparison.Ordinal);
}
