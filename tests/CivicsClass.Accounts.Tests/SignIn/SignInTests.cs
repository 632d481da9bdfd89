using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Accounts.Tests.SignIn;

/// <summary>Wrong passwords slow the next try down but never lock the owner out, and nothing tells a real account from an unknown one.</summary>
public abstract class SignInTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "gongren2025";

    [SkippableFact]
    public async Task Login_ManyWrongPasswords_DelayTheNextTry_ButTheRightPasswordStillSignsIn()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "throttled@example.cn", Password, "Worker");
        using var browser = FormClient.For(factory);

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add((await Login(browser, "Throttled@Example.cn", "wrong-" + i)).StatusCode);
        }

        // Past the free failures each wrong try doubles the wait: 1 s, then 2 s, then 4 s.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        wrong.Add((await Login(browser, "throttled@example.cn", "wrong-5")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        wrong.Add((await Login(browser, "throttled@example.cn", "wrong-6")).StatusCode);
        var tooSoon = await Login(browser, "throttled@example.cn", Password);
        await Task.Delay(TimeSpan.FromSeconds(4.2));
        var right = await Login(browser, "throttled@example.cn", Password);

        Assert.All(wrong, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Contains("秒后再试", await tooSoon.Content.ReadAsStringAsync());
        Assert.NotNull(tooSoon.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync("throttled@example.cn");
        Assert.Null(user!.LockoutEnd);
    }

    [SkippableFact]
    public async Task Login_UnknownAndRealAccounts_FailWithTheSameWordsInComparableTime()
    {
        var factory = await host.GetAsync();
        string[] known = ["known.one@example.cn", "known.two@example.cn"];
        foreach (var name in known)
        {
            await FormClient.CreateUserAsync(factory, name, Password, "Worker");
        }

        using var app = FormClient.For(factory);
        await ApiLogin(app, "warm.up@example.cn");
        await ApiLogin(app, known[0]);

        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        var titles = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var (unknownTitle, unknownStatus, unknownMs) = await ApiLogin(app, $"nobody{i}@example.cn");
            var (knownTitle, knownStatus, knownMs) = await ApiLogin(app, known[i % 2]);
            Assert.Equal(HttpStatusCode.Unauthorized, unknownStatus);
            Assert.Equal(HttpStatusCode.Unauthorized, knownStatus);
            titles.Add(unknownTitle);
            titles.Add(knownTitle);
            unknownTimes.Add(unknownMs);
            knownTimes.Add(knownMs);
        }

        using var browser = FormClient.For(factory);
        var unknownPage = await (await Login(browser, "nobody.page@example.cn", "wrong-password-1")).Content.ReadAsStringAsync();
        var knownPage = await (await Login(browser, known[1], "wrong-password-1")).Content.ReadAsStringAsync();

        Assert.Equal(["账号或密码不正确。"], titles);
        Assert.Contains("账号或密码不正确。", unknownPage);
        Assert.Contains("账号或密码不正确。", knownPage);
        Assert.DoesNotContain("锁定", unknownPage + knownPage);
        var (unknownMedian, knownMedian) = (Median(unknownTimes), Median(knownTimes));
        Assert.True(unknownMedian >= 0.3 * knownMedian, $"unknown accounts fail in {unknownMedian:F1} ms, real ones in {knownMedian:F1} ms");
    }

    private static Task<HttpResponseMessage> Login(FormClient browser, string account, string password) =>
        browser.PostAsync("/account/login", "/account/login", new() { ["phoneOrEmail"] = account, ["password"] = password });

    private static async Task<(string Title, HttpStatusCode Status, double Milliseconds)> ApiLogin(FormClient app, string account)
    {
        var watch = Stopwatch.StartNew();
        var response = await app.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = account, password = "wrong-password-1" });
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        return (JsonDocument.Parse(body).RootElement.GetProperty("title").GetString()!, response.StatusCode, watch.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

public sealed class SqliteSignInTests(SiteHost<Sqlite> host) : SignInTests<Sqlite>(host);

public sealed class PostgresSignInTests(SiteHost<Postgres> host) : SignInTests<Postgres>(host);
