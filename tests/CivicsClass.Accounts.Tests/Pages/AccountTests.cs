using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Accounts.Tests.Pages;

public abstract class AccountTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "gongren2025";

    [SkippableFact]
    public async Task Register_WithMobileNumber_SignsInAndProfileKeepsOrganisation()
    {
        var factory = await host.GetAsync();
        using var browser = FormClient.For(factory);

        var registered = await browser.PostAsync("/account/register", "/account/register", new()
        {
            ["phoneOrEmail"] = "+86 138-0013-8001", ["displayName"] = "李师傅", ["password"] = Password, ["confirmPassword"] = Password,
        });
        var profile = await browser.GetStringAsync("/account/profile");
        var organisation = System.Text.RegularExpressions.Regex.Match(profile, "<option value=\"([^\"]+)\">(?:\u3000|&#x3000;){2}萍乡市总工会").Groups[1].Value;
        var saved = await browser.PostAsync("/account/profile", "/account/profile", new()
        {
            ["displayName"] = "李建国", ["organisation"] = organisation, ["region"] = "", ["industry"] = "",
        });
        var home = await browser.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("登录账号：13800138001", profile);
        Assert.NotEmpty(organisation);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("个人资料已保存", await saved.Content.ReadAsStringAsync());
        Assert.Contains("李建国", home);
        Assert.Contains("action=\"/account/logout\"", home);
        var user = await FindAsync(factory, "13800138001");
        Assert.Equal(organisation, user!.OrganisationTermId);
        Assert.Equal(["Worker"], user.Roles);
    }

    [SkippableFact]
    public async Task Register_BadInput_ExplainsEachFieldAndSavesNothing()
    {
        var factory = await host.GetAsync();
        using var browser = FormClient.For(factory);
        await FormClient.CreateUserAsync(factory, "13900139002", Password, "Worker");

        var badNumber = await Post(browser, "12345", "王", Password, Password);
        var shortPassword = await Post(browser, "13900139003", "王", "abc1", "abc1");
        var noLetter = await Post(browser, "13900139003", "王", "12345678", "12345678");
        var differ = await Post(browser, "13900139003", "王", Password, Password + "x");
        var taken = await Post(browser, "139 0013 9002", "王", Password, Password);
        var noName = await Post(browser, "13900139003", " ", Password, Password);

        Assert.Contains("请填写 11 位手机号或有效的电子邮箱", badNumber);
        Assert.Contains("密码至少需要 8 位", shortPassword);
        Assert.Contains("密码需要包含字母", noLetter);
        Assert.Contains("两次填写的密码不一致", differ);
        Assert.Contains("这个手机号或邮箱已经注册过了", taken);
        Assert.Contains("请填写姓名或昵称", noName);
        Assert.Null(await FindAsync(factory, "13900139003"));

        static async Task<string> Post(FormClient browser, string account, string name, string password, string confirm)
        {
            var response = await browser.PostAsync("/account/register", "/account/register", new()
            {
                ["phoneOrEmail"] = account, ["displayName"] = name, ["password"] = password, ["confirmPassword"] = confirm,
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }

    [SkippableFact]
    public async Task Register_CommonPasswordOrOneContainingTheAccount_IsRefused()
    {
        var factory = await host.GetAsync();
        using var browser = FormClient.For(factory);

        var common = await Post(browser, "13900139021", "Password1");
        var leet = await Post(browser, "13900139021", "Passw0rd");
        var phone = await Post(browser, "13900139021", "x13900139021");
        var email = await Post(browser, "Zhangwei88@example.cn", "zhangwei88-gongren");

        Assert.Contains("这个密码太常见", common);
        Assert.Contains("这个密码太常见", leet);
        Assert.Contains("密码不能包含登录账号", phone);
        Assert.Contains("密码不能包含登录账号", email);
        Assert.Null(await FindAsync(factory, "13900139021"));
        Assert.Null(await FindAsync(factory, "zhangwei88@example.cn"));

        static async Task<string> Post(FormClient browser, string account, string password)
        {
            var response = await browser.PostAsync("/account/register", "/account/register", new()
            {
                ["phoneOrEmail"] = account, ["displayName"] = "张伟", ["password"] = password, ["confirmPassword"] = password,
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }

    [SkippableFact]
    public async Task ChangePassword_ToACommonOneOrTheAccountName_IsRefused()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600136022", Password, "Worker");
        using var browser = await FormClient.SignedInAsync(factory, "13600136022", Password);

        var common = await Change("passw0rd");
        var named = await Change("wo13600136022");

        Assert.Contains("这个密码太常见", common);
        Assert.Contains("密码不能包含登录账号", named);
        using var other = await FormClient.SignedInAsync(factory, "13600136022", Password);

        async Task<string> Change(string newPassword)
        {
            var response = await browser.PostAsync("/account/password", "/account/password", new()
            {
                ["currentPassword"] = Password, ["newPassword"] = newPassword, ["confirmPassword"] = newPassword,
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }

    [SkippableFact]
    public async Task Login_WithoutAntiforgeryToken_IsRefused()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13700137004", Password, "Worker");
        using var browser = FormClient.For(factory);

        var forged = await browser.PostWithoutTokenAsync("/account/login", new() { ["phoneOrEmail"] = "13700137004", ["password"] = Password });
        var profile = await browser.Http.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.StartsWith("/account/login", profile.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [SkippableFact]
    public async Task ChangePassword_OldPasswordStopsWorking()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600136005", Password, "Worker");
        using var browser = await FormClient.SignedInAsync(factory, "13600136005", Password);

        var wrongCurrent = await browser.PostAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = "not-it-1", ["newPassword"] = "xinmima2026", ["confirmPassword"] = "xinmima2026",
        });
        var changed = await browser.PostAsync("/account/password", "/account/password", new()
        {
            ["currentPassword"] = Password, ["newPassword"] = "xinmima2026", ["confirmPassword"] = "xinmima2026",
        });
        using var other = FormClient.For(factory);
        var old = await other.PostAsync("/account/login", "/account/login", new() { ["phoneOrEmail"] = "13600136005", ["password"] = Password });
        var fresh = await other.PostAsync("/account/login", "/account/login", new() { ["phoneOrEmail"] = "13600136005", ["password"] = "xinmima2026" });

        Assert.Contains("当前密码不正确", await wrongCurrent.Content.ReadAsStringAsync());
        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [SkippableFact]
    public async Task Api_RegisterLoginAndMe_WorkWithBearerTokenOnly()
    {
        var factory = await host.GetAsync();
        using var app = FormClient.For(factory);

        var registered = await app.Http.PostAsJsonAsync("/api/v1/auth/register", new { phoneOrEmail = "app.user@example.cn", password = Password, displayName = "张工" });
        var refused = await app.Http.PostAsJsonAsync("/api/v1/auth/register", new { phoneOrEmail = "app.user@example.cn", password = "short", displayName = "" });
        var wrong = await app.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = "app.user@example.cn", password = "wrong-password-1" });
        var login = await app.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = "APP.user@example.cn", password = Password });
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement;
        var anonymous = await app.Http.GetAsync("/api/v1/me");
        app.UseBearer(token.GetProperty("accessToken").GetString()!);
        var me = JsonDocument.Parse(await app.Http.GetStringAsync("/api/v1/me")).RootElement;
        app.UseBearer("forged" + token.GetProperty("accessToken").GetString());
        var forged = await app.Http.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"password\"", problems);
        Assert.Contains("\"displayName\"", problems);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(token.GetProperty("expiresIn").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("张工", me.GetProperty("displayName").GetString());
        Assert.Equal("Worker", me.GetProperty("roles")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [SkippableFact]
    public async Task Api_SignInCookie_DoesNotAuthoriseApiCalls()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13500135006", Password, "Worker");
        using var browser = await FormClient.SignedInAsync(factory, "13500135006", Password);

        var me = await browser.Http.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<User?> FindAsync(SiteFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync(userName);
    }
}

public sealed class SqliteAccountTests(SiteHost<Sqlite> host) : AccountTests<Sqlite>(host);

public sealed class PostgresAccountTests(SiteHost<Postgres> host) : AccountTests<Postgres>(host);
