using System.Net;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Setup;

public sealed class HealthUnavailableTests
{
    [Fact]
    public async Task Readyz_DatabaseGone_Answers503WithChineseMessage_WhileTheProcessStaysLive()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["Setup:ImportSeeds"] = "false" });
        using var client = factory.CreateClient();
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Moved away in one step: background services may open the database while it goes.
        var folder = Path.GetDirectoryName(path)!;
        Directory.Move(folder, folder + ".gone");
        File.WriteAllText(folder, "not a folder");

        var response = await client.GetAsync("/readyz");
        var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("数据库暂时无法连接", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        File.Delete(folder);
        Directory.Move(folder + ".gone", folder); // back where the test database expects to clean up
    }

    [Fact]
    public async Task Pages_DatabaseGone_Answer503InChinese_AndRecoverWithoutARestart()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database);
        using var client = factory.CreateClient();
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(path)!;
        Directory.Move(folder, folder + ".gone");
        File.WriteAllText(folder, "not a folder");

        await UntilGoneAsync(client);
        var page = await client.GetAsync("/lessons?page=2");
        var api = await client.GetAsync("/api/v1/content/Lesson?page=2");
        File.Delete(folder);
        Directory.Move(folder + ".gone", folder);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var recovered = await client.GetAsync("/lessons?page=2");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("数据库暂时无法连接，请稍后再试。", await page.Content.ReadAsStringAsync());
        Assert.Equal("10", page.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    /// <summary>
    /// A background job may still hold a pooled connection opened before the folder moved (an open file
    /// stays readable on Linux) and hand it back to the pool. Clearing the pool until the readiness check
    /// (never cached) fails leaves no such connection for the page to be served from.
    /// </summary>
    private static async Task UntilGoneAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                return;
            }

            await Task.Delay(100);
        }
    }
}
