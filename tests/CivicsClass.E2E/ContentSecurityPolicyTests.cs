using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// The site's and the admin's pages under their Content-Security-Policy in a real browser: nothing is
/// refused (an inline script or style would be), and the scripts still run: the map draws with its
/// tiles' host allowed, the admin's Markdown preview answers.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "guanli2026";

    [SkippableFact]
    public async Task SiteAndAdminPages_UnderThePolicy_RefuseNothingAndStillWork()
    {
        var browser = await site.StartAsync();
        await CreateAdministratorAsync("csp.admin@example.cn");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };

        foreach (var path in new[] { "/", "/lessons", "/lessons/anyuan-great-strike-1922", "/lecturers", "/search?q=%E5%8A%B3%E6%A8%A1", "/leaderboards", "/account/login" })
        {
            await page.GotoAsync(site.BaseAddress + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await page.GotoAsync(site.BaseAddress + "/venues");
        await page.Locator(".map.map-live").First.WaitForAsync(new() { Timeout = 10_000 });
        await page.Locator(".map .leaflet-marker-icon").First.WaitForAsync(new() { Timeout = 10_000 });

        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Fadmin");
        await page.GetByLabel("手机号或电子邮箱").FillAsync("csp.admin@example.cn");
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal));
        foreach (var path in new[] { "/admin/analytics", "/admin/media", "/admin/users", "/admin/jobs", "/admin/content/Lesson" })
        {
            await page.GotoAsync(site.BaseAddress + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await page.GotoAsync(site.BaseAddress + "/admin/content/Lesson/new");
        await page.Locator("textarea[name='Markdown']").FillAsync("## 策略之下\n\n预览仍然可用。");
        await page.Locator(".preview h2").GetByText("策略之下").WaitForAsync(new() { Timeout = 10_000 });
        await BrowserSite.ShotAsync(page, "csp-admin-preview");

        Assert.True(refused.Count == 0, string.Join('\n', refused));
    }

    private async Task CreateAdministratorAsync(string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var result = await users.CreateAsync(new User { UserName = userName, DisplayName = "安全管理员", Roles = ["Administrator"], CreatedUtc = DateTime.UtcNow }, Password);
        Assert.True(result.Succeeded);
    }
}
