using CivicsClass.Accounts;
using CivicsClass.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// Editors review on phones: no admin page scrolls sideways on a 375-px screen, and axe-core finds no
/// serious or critical violation on any of them.
/// </summary>
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
        var problems = WorkerJourneyTests.Watch(page);
        await SignInAsync(page, "admin.phone@example.cn");
        // A library with files in it, so the library, the picker and the editors' cover choices list them.
        await page.GotoAsync(site.BaseAddress + "/admin/media");
        await page.Locator("#media-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "车间合影.png", MimeType = "image/png", Buffer = TestFiles.Png(320, 240) },
            new FilePayload { Name = "劳模表彰.jpg", MimeType = "image/jpeg", Buffer = TestFiles.Jpeg(320, 240) },
            new FilePayload { Name = "安全规程.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await page.GetByText("已上传 3 个文件").WaitForAsync(new() { Timeout = 15_000 });

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

            wide.AddRange(await Axe.SeriousAsync(page, "admin-phone" + path.Replace('/', '-')));
            await BrowserSite.ShotAsync(page, "admin-phone" + path.Replace('/', '-'));
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));
        Assert.Empty(problems);
    }

    /// <summary>
    /// An administrator on a phone creates a content type of chosen parts with a field, publishes an item
    /// of it, and finds it in search and at its address; each page is measured with axe-core.
    /// </summary>
    [SkippableFact]
    public async Task Phone_AdministratorCreatesAType_PublishesAnItem_AndFindsIt()
    {
        var browser = await site.StartAsync();
        await CreateUserAsync("admin.types@example.cn", "钱管理", "Administrator");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "zh-CN", DeviceScaleFactor = 2,
        });
        var page = await context.NewPageAsync();
        var problems = WorkerJourneyTests.Watch(page);
        var steps = new JourneySteps(page, "admin-types");
        await SignInAsync(page, "admin.types@example.cn");

        await page.GotoAsync(site.BaseAddress + "/admin/types");
        await steps.AtAsync("新建内容类型", "1-types");
        await page.GetByText("新建内容类型").ClickAsync();
        await page.Locator("#type-name").FillAsync("Notice");
        await page.Locator("#type-display").FillAsync("通知公告");
        foreach (var part in new[] { "网址（有自己的页面，能被搜索到）", "摘要", "正文（Markdown）" })
        {
            await page.GetByRole(AriaRole.Group, new() { Name = "部件" }).GetByLabel(part, new() { Exact = true }).CheckAsync();
        }

        await page.Locator("#type-prefix").FillAsync("notices");
        await WorkerJourneyTests.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "创建类型" }), url => url.EndsWith("/admin/types", StringComparison.Ordinal));
        var notice = page.Locator("section[aria-labelledby='type-Notice']");
        await notice.Locator("summary", new() { HasText = "添加字段" }).ClickAsync();
        await notice.GetByLabel("字段名").FillAsync("Issuer");
        await notice.GetByLabel("显示名称").FillAsync("发文单位");
        await WorkerJourneyTests.SubmitAsync(page, notice.GetByRole(AriaRole.Button, new() { Name = "添加字段" }), url => url.EndsWith("/admin/types", StringComparison.Ordinal));
        await steps.AtAsync("发文单位", "2-type-created");

        await page.GotoAsync(site.BaseAddress + "/admin/content/Notice/new");
        await steps.AtAsync("保存并发布", "3-new-item");
        await page.Locator("input[name='Title']").FillAsync("关于开展冬季安全生产竞赛的通知");
        await page.Locator("input[name='Slug']").FillAsync("dongji-anquan-jingsai");
        await page.Locator("textarea[name='Summary']").FillAsync("各基层工会组织班组参加冬季安全生产竞赛。");
        await page.Locator("textarea[name='Markdown']").FillAsync("各基层工会：\n\n请于本月底前**报名**。");
        await page.Locator("input[name='F.Issuer']").FillAsync("市总工会");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并发布" }).ClickAsync();
        await steps.AtAsync("已保存并发布", "4-published");

        await page.GotoAsync(site.BaseAddress + "/search?q=" + Uri.EscapeDataString("冬季安全生产竞赛"));
        await steps.AtAsync("关于开展冬季安全生产竞赛的通知", "5-found");
        await WorkerJourneyTests.FollowAsync(page, page.Locator("main a[href='/notices/dongji-anquan-jingsai']").First, "/notices/dongji-anquan-jingsai");
        await steps.AtAsync("市总工会", "6-its-page");

        Assert.Equal("关于开展冬季安全生产竞赛的通知", await page.Locator("h1").InnerTextAsync());
        Assert.Empty(problems);
        Assert.True(steps.Findings.Count == 0, string.Join("\n", steps.Findings));
    }

    private async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Fadmin");
        await page.GetByLabel("手机号或电子邮箱").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal));
    }

    private async Task CreateUserAsync(string userName, string displayName, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var result = await users.CreateAsync(new User { UserName = userName, DisplayName = displayName, Roles = [role], CreatedUtc = DateTime.UtcNow }, Password);
        Assert.True(result.Succeeded);
    }
}
