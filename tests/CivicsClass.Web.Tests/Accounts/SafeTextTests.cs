using System.Net;
using System.Net.Http.Json;
using CivicsClass.Content.Security;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Accounts;

/// <summary>Texts that people write and others read as the site's own words: display names, topic requests, the search-miss log.</summary>
public abstract class SafeTextTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "hongqi-Jiang-2026x";

    [SkippableFact]
    public async Task Register_NameWithHiddenCharactersOrASiteRole_RefusedWithAMessage_NothingSaved()
    {
        var factory = await host.GetAsync();
        using var browser = FormClient.For(factory);
        // Control characters never reach the form (the edge removes them, see ControlCharacterTests); these are the ones that look like nothing.
        string[] hidden = ["\u202E李师傅", "李\u200B师傅", "\u3164"];
        string[] roles = ["管理员", "系 统", "编辑部小王", "官方客服", "ＡＤＭＩＮ", "Administrator", "a.d.m.i.n", "客\u200D服"];

        var answers = new List<(string Name, HttpStatusCode Status, string Body)>();
        var number = 13900150000;
        foreach (var name in hidden.Concat(roles))
        {
            var response = await browser.PostAsync("/account/register", "/account/register", new()
            {
                ["phoneOrEmail"] = (++number).ToString(System.Globalization.CultureInfo.InvariantCulture), ["displayName"] = name,
                ["password"] = Password, ["confirmPassword"] = Password,
            });
            answers.Add((name, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        using var app = factory.CreateClient();
        var api = await app.PostAsJsonAsync("/api/v1/auth/register", new { phoneOrEmail = "app.admin@example.cn", password = Password, displayName = "系统" });
        var fine = await browser.PostAsync("/account/register", "/account/register", new()
        {
            ["phoneOrEmail"] = "13900159999", ["displayName"] = "王建国", ["password"] = Password, ["confirmPassword"] = Password,
        });

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.BadRequest, $"{a.Name} answered {(int)a.Status}"));
        Assert.All(answers.Take(hidden.Length), a => Assert.Contains("不能含有控制字符", a.Body));
        Assert.All(answers.Skip(hidden.Length), a => Assert.Contains("不能使用网站角色的称呼", a.Body));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("不能使用网站角色的称呼", await api.Content.ReadAsStringAsync());
        var bellFromForm = await browser.PostAsync("/account/register", "/account/register", new()
        {
            ["phoneOrEmail"] = "13900159998", ["displayName"] = "王\u0007五", ["password"] = Password, ["confirmPassword"] = Password,
        });
        var bellFromApp = await app.PostAsJsonAsync("/api/v1/auth/register", new { phoneOrEmail = "13900159997", password = Password, displayName = "王\u0007五" });

        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bellFromApp.StatusCode);
        Assert.Contains("不能含有控制字符", await bellFromApp.Content.ReadAsStringAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.Equal(HttpStatusCode.Redirect, bellFromForm.StatusCode);
        Assert.Equal("王五", (await users.FindByNameAsync("13900159998"))?.DisplayName);
        Assert.Null(await users.FindByNameAsync("13900159997"));
        Assert.Null(await users.FindByNameAsync("13900150001"));
        Assert.Null(await users.FindByNameAsync("app.admin@example.cn"));
    }

    [SkippableFact]
    public async Task Profile_RenamedToASiteRole_RefusedAndKeepsTheName()
    {
        var factory = await host.GetAsync();
        var user = await FormClient.CreateUserAsync(factory, "13900150100", Password, "Worker");
        using var browser = await FormClient.SignedInAsync(factory, "13900150100", Password);

        var refused = await browser.PostAsync("/account/profile", "/account/profile", new()
        {
            ["displayName"] = "客服小李", ["organisation"] = "", ["region"] = "", ["industry"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能使用网站角色的称呼", await refused.Content.ReadAsStringAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(user.DisplayName, (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync("13900150100"))!.DisplayName);
    }

    [SkippableFact]
    public async Task TopicRequest_HiddenCharactersOrASiteRole_Refused_EverydayWordsAccepted()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13900150200", Password, "Worker");
        using var asker = await FormClient.SignedInAsync(factory, "13900150200", Password);
        var tag = typeof(TProvider).Name;

        var role = await asker.PostAsync("/requests", "/requests", new() { ["title"] = "官方通知：加群领积分", ["detail"] = "" });
        var direction = await asker.PostAsync("/requests", "/requests", new() { ["title"] = "\u202E劳动合同法" + tag, ["detail"] = "" });
        var hiddenDetail = await asker.PostAsync("/requests", "/requests", new() { ["title"] = "劳动合同法" + tag, ["detail"] = "想学\u2066签合同" });
        var everyday = await asker.PostAsync("/requests", "/requests", new() { ["title"] = "系统学习劳动合同法" + tag, ["detail"] = "第一行\n第二行" });

        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);
        Assert.Contains("不能使用网站角色的称呼", await role.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, direction.StatusCode);
        Assert.Contains("不能含有控制字符", await direction.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, hiddenDetail.StatusCode);
        Assert.Contains("点单已提交", await everyday.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task SearchMisses_AnonymousAddressCappedPerDay_HiddenOrRoleTextNeverLogged()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13900150300", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13900150300", Password);
        using var anonymous = factory.CreateClient();
        var tag = "qzxv" + typeof(TProvider).Name.ToLowerInvariant();

        await anonymous.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("\u202E" + tag + "rtl"));
        await anonymous.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("admin" + tag));
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/search?q={tag}n{i}")).StatusCode);
        }

        await worker.GetStringAsync($"/search?q={tag}worker");
        IReadOnlyList<(string Query, int Times)> misses;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            misses = await scope.ServiceProvider.GetRequiredService<SearchService>().MissesAsync(1000);
        }

        var anonymousMisses = misses.Count(m => m.Query.StartsWith(tag + "n", StringComparison.Ordinal));
        Assert.InRange(anonymousMisses, 1, 20);
        Assert.DoesNotContain(misses, m => m.Query.Contains(tag + "rtl", StringComparison.Ordinal));
        Assert.DoesNotContain(misses, m => m.Query.Contains("admin" + tag, StringComparison.Ordinal));
        Assert.Contains(misses, m => m.Query == tag + "worker");
    }
}

public sealed class SqliteSafeTextTests(SiteHost<Sqlite> host) : SafeTextTests<Sqlite>(host);

public sealed class PostgresSafeTextTests(SiteHost<Postgres> host) : SafeTextTests<Postgres>(host);
