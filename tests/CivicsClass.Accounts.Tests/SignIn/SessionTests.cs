using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace CivicsClass.Accounts.Tests.SignIn;

/// <summary>What signing out, a password change and a role change do to cookies and tokens already handed out.</summary>
public abstract class SessionTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "gongren2025";

    [SkippableFact]
    public async Task Logout_CopiedCookie_StopsWorking_WhileOtherDevicesStaySignedIn()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13300133001", Password, "Worker");
        using var browser = FormClient.For(factory);
        using var otherDevice = await FormClient.SignedInAsync(factory, "13300133001", Password);
        var login = await browser.PostAsync("/account/login", "/account/login", new() { ["phoneOrEmail"] = "13300133001", ["password"] = Password, ["remember"] = "true" });
        var copied = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("civics.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var thief = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var before = await ProfileWithCookieAsync(thief, copied);
        var logout = await browser.PostAsync("/", "/account/logout", new Dictionary<string, string>());
        var after = await ProfileWithCookieAsync(thief, copied);
        var other = await otherDevice.Http.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [SkippableFact]
    public async Task Api_TokenAfterRolesRemoved_IsRefused_AndCannotBeRefreshed()
    {
        var factory = await host.GetAsync();
        var user = await FormClient.CreateUserAsync(factory, "roles.token@example.cn", Password, "Worker", "Lecturer");
        using var app = FormClient.For(factory);
        var tokens = await LoginAsync(app, "roles.token@example.cn", Password);
        app.UseBearer(tokens.GetProperty("accessToken").GetString()!);
        var before = await app.Http.GetAsync("/api/v1/me");
        using var admin = await FormClient.SignedInAsync(factory, "admin", SiteFactory.AdminPassword);

        var saved = await admin.PostAsync($"/admin/users/{user.UserId}", $"/admin/users/{user.UserId}", new Dictionary<string, string> { ["roleNames"] = "Worker" });
        var after = await app.Http.GetAsync("/api/v1/me");
        var refreshed = await RefreshAsync(app, tokens.GetProperty("refreshToken").GetString()!);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        var again = await LoginAsync(app, "roles.token@example.cn", Password);
        app.UseBearer(again.GetProperty("accessToken").GetString()!);
        using var me = JsonDocument.Parse(await app.Http.GetStringAsync("/api/v1/me"));
        Assert.Equal(["Worker"], me.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [SkippableFact]
    public async Task Api_TokenAfterPasswordChange_IsRefused()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13300133002", Password, "Worker");
        using var app = FormClient.For(factory);
        var tokens = await LoginAsync(app, "13300133002", Password);
        app.UseBearer(tokens.GetProperty("accessToken").GetString()!);
        using var browser = await FormClient.SignedInAsync(factory, "13300133002", Password);

        var changed = await browser.PostAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = Password, ["newPassword"] = "xinmima2026", ["confirmPassword"] = "xinmima2026",
        });
        var after = await app.Http.GetAsync("/api/v1/me");
        var refreshed = await RefreshAsync(app, tokens.GetProperty("refreshToken").GetString()!);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    [SkippableFact]
    public async Task Api_Refresh_RotatesTheToken_AndRefusesOneUsedTwice()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13300133003", Password, "Worker");
        using var app = FormClient.For(factory);
        var first = await LoginAsync(app, "13300133003", Password);
        var firstRefresh = first.GetProperty("refreshToken").GetString()!;

        var rotated = await RefreshAsync(app, firstRefresh);
        using var second = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync());
        var secondRefresh = second.RootElement.GetProperty("refreshToken").GetString()!;
        app.UseBearer(second.RootElement.GetProperty("accessToken").GetString()!);
        var me = await app.Http.GetAsync("/api/v1/me");
        var reused = await RefreshAsync(app, firstRefresh);
        var afterReuse = await RefreshAsync(app, secondRefresh);
        var forged = await RefreshAsync(app, "not-a-token");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(firstRefresh, secondRefresh);
        Assert.InRange(second.RootElement.GetProperty("expiresIn").GetInt32(), 1, 3600);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.StatusCode); // a reused token ends its whole family
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static async Task<HttpResponseMessage> ProfileWithCookieAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/profile");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> LoginAsync(FormClient app, string account, string password)
    {
        var response = await app.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = account, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> RefreshAsync(FormClient app, string refreshToken) =>
        app.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
}

public sealed class SqliteSessionTests(SiteHost<Sqlite> host) : SessionTests<Sqlite>(host);

public sealed class PostgresSessionTests(SiteHost<Postgres> host) : SessionTests<Postgres>(host);
