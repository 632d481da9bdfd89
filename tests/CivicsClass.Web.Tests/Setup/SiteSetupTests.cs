using System.Net;
using System.Text.Json;
using CivicsClass.Content.Items;
using CivicsClass.Data.Dialects;
using CivicsClass.Testing;
using CivicsClass.Accounts;
using CivicsClass.Accounts.Users;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Setup;

public abstract class SiteSetupTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task FirstStart_EmptyDatabase_AppliesRecipeImportsSeedsAndCreatesAdministrator()
    {
        await using var database = await new TProvider().CreateAsync();
        await using var factory = new SiteFactory(database);
        using var client = factory.CreateClient();

        await using var scope = factory.Services.CreateAsyncScope();
        var contentManager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lessons = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 100 });
        var anyuan = await contentManager.GetByPathAsync("lessons/anyuan-great-strike-1922");
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
        var admin = await users.FindByNameAsync("admin");

        Assert.Equal(new TProvider().Name, factory.Services.GetRequiredService<ISqlDialect>().Name);
        Assert.Equal(30, lessons.Total);
        Assert.NotNull(anyuan);
        Assert.NotNull(admin);
        Assert.Contains("Administrator", admin.Roles);
        Assert.True(await users.CheckPasswordAsync(admin, SiteFactory.AdminPassword));
        Assert.False(await users.CheckPasswordAsync(admin, "wrong password"));
        Assert.DoesNotContain(SiteFactory.AdminPassword, admin.PasswordHash);
    }

    [SkippableFact]
    public async Task SecondStart_SameDatabase_ChangesNothing()
    {
        await using var database = await new TProvider().CreateAsync();
        await using (var first = new SiteFactory(database))
        {
            first.CreateClient().Dispose();
        }

        await using var second = new SiteFactory(database);
        second.CreateClient().Dispose();

        await using var scope = second.Services.CreateAsyncScope();
        var contentManager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lessons = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lesson", Latest = true, Take = 100 });
        Assert.Equal(30, lessons.Total);
        Assert.All(lessons.Items, l => Assert.Equal(1, l.Number));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<UserStore>().CountAsync());
    }

    [SkippableFact]
    public async Task HealthAndReadiness_DatabaseUp_DetailsOnlyForAdministrators()
    {
        await using var database = await new TProvider().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["Setup:ImportSeeds"] = "false" });
        using var client = factory.CreateClient();
        using var admin = await FormClient.SignedInAsync(factory, "admin", SiteFactory.AdminPassword);

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");
        using var detail = JsonDocument.Parse(await admin.GetStringAsync("/readyz"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.TryGetProperty("checks", out _), "anonymous callers see no details");
        var checks = detail.RootElement.GetProperty("checks");
        Assert.Equal(["database", "images", "migrations", "search-backlog"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("healthy", c.Value.GetProperty("status").GetString()));
        Assert.Contains(new TProvider().Name, checks.GetProperty("database").GetProperty("description").GetString());
    }
}

public sealed class SqliteSiteSetupTests : SiteSetupTests<Sqlite>;

public sealed class PostgresSiteSetupTests : SiteSetupTests<Postgres>;
