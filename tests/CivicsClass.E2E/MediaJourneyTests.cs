using CivicsClass.Testing;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// An editor drops a mind map (长图) on the media library and uploads a recording larger than the
/// server's default request limit, picks the map as a lesson's cover from the picker beside the
/// editor and publishes; a worker on a phone opens it full width in the viewer.
/// </summary>
public sealed class MediaJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "meiti2025a";

    [SkippableFact]
    public async Task Editor_DropsALongImage_PicksItAsCover_Worker_OpensItInTheViewer()
    {
        var browser = await site.StartAsync();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.CreateAsync(new User { UserName = "editor.media@example.cn", DisplayName = "赵编辑", Roles = ["Editor"], CreatedUtc = DateTime.UtcNow }, Password)).Succeeded);
        }

        await using (var editor = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" }))
        {
            var page = await editor.NewPageAsync();
            await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Fadmin%2Fmedia");
            await page.GetByLabel("手机号或电子邮箱").FillAsync("editor.media@example.cn");
            await page.GetByLabel("密码").FillAsync(Password);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/admin/media", StringComparison.Ordinal));

            // Dropped on the form, as a file dragged from the desktop arrives.
            var mindMap = Convert.ToBase64String(TestFiles.Png(750, 3000));
            await page.EvaluateAsync("""
                async (data) => {
                  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                  const transfer = new DataTransfer();
                  transfer.items.add(new File([bytes], '工运史思维导图.png', { type: 'image/png' }));
                  document.querySelector('form[data-drop-upload]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
                }
                """, mindMap);
            await page.GetByText("已上传 1 个文件").WaitForAsync(new() { Timeout = 15_000 });
            await page.GetByText("工运史思维导图.png").WaitForAsync();
            await BrowserSite.ShotAsync(page, "media-1-library");

            // A lecture recording larger than the server's default request limit, through the plain file input.
            await page.Locator("#media-files").SetInputFilesAsync(new FilePayload { Name = "安源讲座录像.mp4", MimeType = "video/mp4", Buffer = TestFiles.Mp4(40 * 1024 * 1024) });
            await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
            await page.GetByText("安源讲座录像.mp4").WaitForAsync(new() { Timeout = 30_000 });

            await page.GotoAsync(site.BaseAddress + "/admin/content/Lesson/new");
            await page.Locator("input[name='Title']").FillAsync("一张图看懂中国工运史");
            await page.Locator("input[name='Slug']").FillAsync("yi-zhang-tu-gongyun-shi");
            await page.Locator("textarea[name='Summary']").FillAsync("从安源到今天，一张长图。");
            await page.Locator("select[name='F.Lecturer']").SelectOptionAsync(new SelectOptionValue { Label = "王海涛" });
            await page.GetByLabel("工运历史").CheckAsync();
            await page.Locator("input[name='F.Duration']").FillAsync("5");
            var picker = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "从媒体库选封面图片…" }).ClickAsync());
            await picker.GetByRole(AriaRole.Button, new() { Name = "用这张" }).First.ClickAsync();
            await page.Locator("[data-media-choices='Cover'] input:checked").WaitForAsync();
            Assert.StartsWith("/media/", await page.Locator("[data-media-choices='Cover'] input:checked").GetAttributeAsync("value"));
            await BrowserSite.ShotAsync(page, "media-2-picked");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存并发布" }).ClickAsync();
            await page.GetByText("已保存并发布").WaitForAsync(new() { Timeout = 10_000 });
        }

        await using (var worker = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 }, HasTouch = true }))
        {
            var page = await worker.NewPageAsync();
            await page.GotoAsync(site.BaseAddress + "/lessons/yi-zhang-tu-gongyun-shi");
            var preview = page.Locator("a[data-long-image] img");
            Assert.Contains("profile=long", await preview.GetAttributeAsync("src"));
            // Its cover is a long image, so the lesson is a 长图 though no one chose a format.
            Assert.Equal("长图", await page.Locator(".detail-meta .badge").InnerTextAsync());
            await BrowserSite.ShotAsync(page, "media-3-lesson");
            await page.Locator("a[data-long-image]").ClickAsync();
            var viewer = page.GetByRole(AriaRole.Dialog);
            await viewer.WaitForAsync();
            var width = await viewer.Locator("img").EvaluateAsync<double>("image => image.complete ? image.getBoundingClientRect().width : new Promise(done => image.onload = () => done(image.getBoundingClientRect().width))");
            await BrowserSite.ShotAsync(page, "media-4-viewer");
            Assert.InRange(width, 360, 376);
            Assert.EndsWith("/lessons/yi-zhang-tu-gongyun-shi", page.Url);
            await page.GetByRole(AriaRole.Button, new() { Name = "关闭长图" }).ClickAsync();
            await viewer.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
    }
}
