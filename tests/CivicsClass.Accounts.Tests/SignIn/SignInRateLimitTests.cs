using System.Net;
using System.Net.Http.Json;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Accounts.Tests.SignIn;

/// <summary>Sign-in and registration are limited per address, for pages and the app alike.</summary>
public sealed class SignInRateLimitTests
{
    [SkippableFact]
    public async Task Login_OverTheLimit_Gets429UntilTheWindowPasses()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        using var app = FormClient.For(factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await app.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = "admin", password = "wrong-password-" + i })).StatusCode);
        }

        var page = await app.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["phoneOrEmail"] = "admin" }));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [SkippableFact]
    public async Task Login_FailuresFromOneAddress_SlowTheNextTryForAnyAccount()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["RateLimits:FreeSignInFailuresPerAddress"] = "3", ["Setup:ImportSeeds"] = "false" });
        using var app = FormClient.For(factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await app.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = $"spray{i}@example.cn", password = "wrong-password-1" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
