using System.Net;
using System.Text.Json;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace CivicsClass.Web.Tests.Setup;

/// <summary><c>dotnet run</c> gives what a deployment gives: Production, whose errors say nothing about the code.</summary>
public sealed class ProductionModeTests
{
    [Fact]
    public void DefaultLaunchProfile_DoesNotAskForDevelopment()
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "CivicsClass.Web", "Properties", "launchSettings.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(path));

        // dotnet run takes the first profile; its environment is Production unless one is set.
        var first = settings.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        var environment = first.TryGetProperty("environmentVariables", out var variables) && variables.TryGetProperty("ASPNETCORE_ENVIRONMENT", out var value)
            ? value.GetString()
            : "Production";

        Assert.Equal("Production", environment);
        // Development is asked for with ASPNETCORE_ENVIRONMENT, never by a profile dotnet run could pick.
        Assert.DoesNotContain("Development", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_InProduction_ShowsAFriendlyPageAndAProblemWithoutStackTrace()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var site = new SiteFactory(database, new Dictionary<string, string?> { ["environment"] = "Production" });
        await using var failing = site.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddScoped<SearchService>(_ => throw new InvalidOperationException("secret detail from CivicsClass.Search"))));
        using var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync("/search?q=x");
        using var api = await client.GetAsync("/api/v1/search?q=x");
        var html = await page.Content.ReadAsStringAsync();
        var problem = await api.Content.ReadAsStringAsync();

        Assert.True(failing.Services.GetRequiredService<IHostEnvironment>().IsProduction());
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求没有完成", html);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("服务器出错了", problem);
        foreach (var body in new[] { html, problem })
        {
            Assert.DoesNotContain("secret detail", body);
            Assert.DoesNotContain("InvalidOperationException", body);
            Assert.DoesNotContain("   at ", body);
        }
    }
}
