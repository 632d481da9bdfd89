using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>Editors review on phones: no admin page scrolls sideways on a 375-px screen.</summary>
public sealed class AdminOnPhoneTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "jiangke2025";

    [SkippableFact]
    public async Task Phone_NoAdminPageScrollsSideways()
    {
        var browser = await site.StartAsync();
        await CreateUserAsync("admin.phone@example.cn", "赵管理", "Administrator");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Fadmin");
        await page.GetByLabel("手机号或电子邮箱").FillAsync("admin.phone@example.cn");
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal));

        var wide = new List<string>();
        foreach (var path in new[]
                 {
                     "/admin", "/admin/content/Lesson", "/admin/content/Lesson/new", "/admin/content/Topic", "/admin/review",
                     "/admin/media", "/admin/media/picker", "/admin/analytics", "/admin/points", "/admin/points/ledger", "/admin/contests", "/admin/jobs",
                     "/admin/users", "/admin/roles", "/admin/types", "/admin/taxonomies", "/admin/recipes",
                 })
        {
            await page.GotoAsync(site.BaseAddress + path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                var culprits = await page.EvaluateAsync<string[]>(
                    "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed')" +
                    ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))");
                wide.Add($"{path} is {overflow}px wider than the phone: {string.Join(", ", culprits)}");
            }

            await BrowserSite.ShotAsync(page, "admin-phone" + path.Replace('/', '-'));
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    private async Task CreateUserAsync(string userName, string displayName, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var result = await users.CreateAsync(new User { UserName = userName, DisplayName = displayName, Roles = [role], CreatedUtc = DateTime.UtcNow }, Password);
        Assert.True(result.Succeeded);
    }
}
