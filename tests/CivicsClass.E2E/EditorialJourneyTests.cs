using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// A lecturer signs in, writes a lesson in Markdown watching the preview, uploads a cover and submits it;
/// an editor approves it and adds it to a featured topic; a worker finds it on the topic page.
/// </summary>
public sealed class EditorialJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "jiangke2025";

    [SkippableFact]
    public async Task Lecturer_Writes_Editor_Approves_And_Curates_Worker_Finds()
    {
        var browser = await site.StartAsync();
        await CreateUserAsync("lecturer.e2e@example.cn", "张讲师", "Lecturer");
        await CreateUserAsync("editor.e2e@example.cn", "李编辑", "Editor");

        // The lecturer writes and submits.
        await using (var lecturer = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" }))
        {
            var page = await lecturer.NewPageAsync();
            await SignInAsync(page, "lecturer.e2e@example.cn");
            await page.GotoAsync(site.BaseAddress + "/admin/content/Lesson/new");
            await page.Locator("input[name='Title']").FillAsync("焊花里的工匠精神");
            await page.Locator("input[name='Slug']").FillAsync("hanhua-li-de-gongjiang-jingshen");
            await page.Locator("textarea[name='Summary']").FillAsync("一位焊工讲他怎样把一道焊缝做到极致。");
            await page.Locator("select[name='F.Lecturer']").SelectOptionAsync(new SelectOptionValue { Label = "王海涛" });
            await page.GetByLabel("工匠精神").CheckAsync();
            await page.Locator("input[name='F.Duration']").FillAsync("6");
            await page.Locator("textarea[name='Markdown']").FillAsync("## 一道焊缝\n\n**零缺陷**不是口号，是每天的功夫。");
            await page.Locator(".preview h2").GetByText("一道焊缝").WaitForAsync(new() { Timeout = 10_000 });
            await page.Locator(".preview strong").GetByText("零缺陷").WaitForAsync();
            await page.Locator("input[name='CoverFile']").SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = Png() });
            await Shot(page, "1-lecturer-writes");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await page.GetByText("已保存并提交审核").WaitForAsync(new() { Timeout = 10_000 });
            await Shot(page, "2-submitted");
        }

        // The editor approves it and puts it in a featured topic.
        await using (var editor = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" }))
        {
            var page = await editor.NewPageAsync();
            await SignInAsync(page, "editor.e2e@example.cn");
            await page.GotoAsync(site.BaseAddress + "/admin/review");
            await page.GetByRole(AriaRole.Link, new() { Name = "焊花里的工匠精神" }).ClickAsync();
            await page.GetByText("一道焊缝").First.WaitForAsync();
            await Shot(page, "3-review");
            await page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/admin/review", StringComparison.Ordinal));

            await page.GotoAsync(site.BaseAddress + "/admin/content/Topic/new");
            await page.Locator("input[name='Title']").FillAsync("工匠精神在车间");
            await page.Locator("input[name='Slug']").FillAsync("gongjiang-jingshen-zai-chejian");
            await page.Locator("textarea[name='Summary']").FillAsync("车间里的工匠故事。");
            await page.Locator("select[data-add-to-list]").SelectOptionAsync(new SelectOptionValue { Label = "焊花里的工匠精神（课程）" });
            await page.Locator("[data-ordered-list] li").GetByText("焊花里的工匠精神").WaitForAsync();
            await page.Locator("input[name='F.Featured']").CheckAsync();
            await Shot(page, "4-topic");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存并发布" }).ClickAsync();
            await page.GetByText("已保存并发布").WaitForAsync(new() { Timeout = 10_000 });
        }

        // A worker finds it on the topic page and opens it.
        await using (var worker = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 } }))
        {
            var page = await worker.NewPageAsync();
            await page.GotoAsync(site.BaseAddress + "/topics/gongjiang-jingshen-zai-chejian");
            await page.GetByRole(AriaRole.Link, new() { Name = "焊花里的工匠精神" }).First.ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/lessons/hanhua-li-de-gongjiang-jingshen", StringComparison.Ordinal));
            await page.GetByText("零缺陷").First.WaitForAsync();
            var cover = await page.Locator("img.detail-cover").GetAttributeAsync("src");
            await Shot(page, "5-worker-finds");
            Assert.StartsWith("/media/", cover);
            var image = await page.APIRequest.GetAsync(site.BaseAddress + cover);
            Assert.Equal("image/png", image.Headers["content-type"]);
        }
    }

    /// <summary>
    /// On 375-px phones: a lecturer writes a lesson giving only a Chinese title and submits it, and the
    /// site gives it a pinyin address; an editor reviews and approves it, edits it and restores the first
    /// version from its history as a new draft. Each page is measured with axe-core.
    /// </summary>
    [SkippableFact]
    public async Task Phone_LecturerWritesInChinese_EditorApprovesAndRestoresAVersion()
    {
        var browser = await site.StartAsync();
        await CreateUserAsync("lecturer.phone@example.cn", "孙讲师", "Lecturer");
        await CreateUserAsync("editor.phone@example.cn", "钱编辑", "Editor");
        var phone = new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 }, DeviceScaleFactor = 2 };
        List<string> problems, findings = [];
        string address;

        await using (var lecturer = await browser.NewContextAsync(phone))
        {
            var page = await lecturer.NewPageAsync();
            problems = WorkerJourneyTests.Watch(page);
            var steps = new JourneySteps(page, "lecturer-phone");
            await SignInAsync(page, "lecturer.phone@example.cn");
            await steps.AtAsync("孙讲师", "1-dashboard");
            await page.GotoAsync(site.BaseAddress + "/admin/content/Lesson/new");
            await steps.AtAsync("提交审核", "2-new-lesson");
            await page.Locator("input[name='Title']").FillAsync("班组里的安全生产课");
            await page.Locator("textarea[name='Summary']").FillAsync("班组长讲怎样把安全规程落到每一个岗位。");
            await page.GetByLabel("讲师 *", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "王海涛" });
            await page.GetByLabel("劳动精神", new() { Exact = true }).CheckAsync();
            await page.Locator("input[name='F.Duration']").FillAsync("8");
            await page.Locator("textarea[name='Markdown']").FillAsync("## 安全无小事\n\n每一次交接班都要**确认**。");
            await page.Locator(".preview h2").GetByText("安全无小事").WaitForAsync(new() { Timeout = 10_000 });
            await steps.AtAsync("安全无小事", "3-written");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await steps.AtAsync("已保存并提交审核", "4-submitted");
            address = await page.Locator("input[name='Slug']").InputValueAsync();
            findings.AddRange(steps.Findings);
        }

        await using (var editor = await browser.NewContextAsync(phone))
        {
            var page = await editor.NewPageAsync();
            problems.AddRange(WorkerJourneyTests.Watch(page));
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            var steps = new JourneySteps(page, "editor-phone");
            await SignInAsync(page, "editor.phone@example.cn");
            await page.GotoAsync(site.BaseAddress + "/admin/review");
            await steps.AtAsync("班组里的安全生产课", "1-queue");
            await page.GetByRole(AriaRole.Link, new() { Name = "班组里的安全生产课" }).ClickAsync();
            await steps.AtAsync("安全无小事", "2-review");
            var edit = (await page.Locator("a[href^='/admin/content/edit/']").First.GetAttributeAsync("href"))!;
            await page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/admin/review", StringComparison.Ordinal));
            await steps.AtAsync("审核", "3-approved");

            await page.GotoAsync(site.BaseAddress + "/lessons/" + address);
            await steps.AtAsync("安全无小事", "4-published");
            await page.GotoAsync(site.BaseAddress + edit);
            await page.Locator("textarea[name='Summary']").FillAsync("改过的摘要：班组长讲交接班。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await steps.AtAsync("历史版本", "5-edited");
            await page.GetByRole(AriaRole.Button, new() { Name = "把第 1 版恢复为草稿" }).ClickAsync();
            await steps.AtAsync("已把旧版本恢复为新的草稿", "6-restored");
            Assert.Equal("班组长讲怎样把安全规程落到每一个岗位。", await page.Locator("textarea[name='Summary']").InputValueAsync());
            findings.AddRange(steps.Findings);
        }

        Assert.Equal("banzu-li-de-anquan-shengchan-ke", address);
        Assert.Empty(problems);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private async Task CreateUserAsync(string userName, string displayName, string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var result = await users.CreateAsync(new User { UserName = userName, DisplayName = displayName, Roles = [role], CreatedUtc = DateTime.UtcNow }, Password);
        Assert.True(result.Succeeded);
    }

    private async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Fadmin");
        await page.GetByLabel("手机号或电子邮箱").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal));
    }

    private static Task Shot(IPage page, string step) => BrowserSite.ShotAsync(page, "editorial-" + step);

    /// <summary>A real 2×2 PNG, made here rather than shipped as a file.</summary>
    private static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4IScHRAwQCgAfJgQRoo8irwAAAABJRU5ErkJggg==");
}
