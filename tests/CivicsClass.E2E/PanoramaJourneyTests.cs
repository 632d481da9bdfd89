using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// The seeded site with WebGL in software: headless Chromium has no GPU here, and Pannellum draws with WebGL, which
/// SwiftShader provides (Chromium asks for the switch before it falls back to it).
/// </summary>
public sealed class PanoramaSite : BrowserSite
{
    protected override IReadOnlyList<string> BrowserArguments => ["--enable-unsafe-swiftshader"];
}

/// <summary>
/// A worker on a phone opens a venue's 360° panorama, looks round it with the arrow keys and by dragging, and opens
/// the venue's lesson from its hotspot; the page's Content-Security-Policy refuses nothing on the way.
/// </summary>
public sealed class PanoramaJourneyTests(PanoramaSite site) : IClassFixture<PanoramaSite>
{
    private const string Yaw = "() => document.querySelector('.panorama-stage').pannellumViewer.getYaw()";

    [SkippableFact]
    public async Task Worker_OpensTheVenuePanorama_TurnsIt_AndOpensALessonFromItsHotspot()
    {
        var browser = await site.StartAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 }, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(site.BaseAddress + "/venues/anyuan-memorial");
        var stage = page.Locator(".panorama-stage");
        Assert.Contains("profile=hero", await stage.Locator(".panorama-still img").GetAttributeAsync("src"));
        await page.GetByRole(AriaRole.Button, new() { Name = "进入 360° 全景" }).ClickAsync();
        await page.Locator(".panorama-stage[data-loaded='true']").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(1, await stage.Locator("canvas").CountAsync());
        var start = await page.EvaluateAsync<double>(Yaw);
        await BrowserSite.ShotAsync(page, "panorama-1-open");

        await stage.FocusAsync();
        await page.Keyboard.DownAsync("ArrowRight");
        await page.WaitForTimeoutAsync(700);
        await page.Keyboard.UpAsync("ArrowRight");
        await page.WaitForTimeoutAsync(400);
        var turned = await page.EvaluateAsync<double>(Yaw);

        var box = (await stage.BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 150, y, new() { Steps = 10 });
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(400);
        var dragged = await page.EvaluateAsync<double>(Yaw);
        await BrowserSite.ShotAsync(page, "panorama-2-turned");

        Assert.Equal(0, start, 1);
        Assert.True(turned > start + 5, $"the arrow key turned the view from {start}° to {turned}°");
        Assert.True(dragged < turned - 5, $"dragging right turned the view back from {turned}° to {dragged}°");

        // Back to the lesson's hotspot (straight ahead), then open the lesson from it.
        await page.EvaluateAsync("() => document.querySelector('.panorama-stage').pannellumViewer.lookAt(-12, 0, 100, false)");
        // Pannellum places the hotspot inside its link by transform, so the link itself has no box of its own.
        var hotspot = stage.Locator("a[href='/lessons/anyuan-great-strike-1922'] .panorama-hotspot");
        await hotspot.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await BrowserSite.ShotAsync(page, "panorama-3-hotspot");
        await hotspot.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/lessons/anyuan-great-strike-1922", StringComparison.Ordinal));

        Assert.Contains("安源路矿工人大罢工", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain(refused, text => text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || text.Contains("WebGL", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task WithoutScript_ThePanoramaIsAPictureLinkedToTheWholeImage_AndItsLessonsAreListed()
    {
        var browser = await site.StartAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 }, JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.BaseAddress + "/venues/anyuan-memorial");
        var still = page.Locator("a.panorama-still");
        var href = await still.GetAttributeAsync("href");
        var image = await page.EvaluateAsync<int>("() => document.querySelector('a.panorama-still img').naturalWidth");
        await BrowserSite.ShotAsync(page, "panorama-4-without-script");

        Assert.StartsWith("/media/g/panorama/", href);
        Assert.True(await still.Locator("img").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "进入 360° 全景" }).IsVisibleAsync());
        Assert.True(await page.Locator(".panorama-lessons a[href='/lessons/anyuan-great-strike-1922']").IsVisibleAsync());
        Assert.True(image > 0, "the still picture loaded");
    }
}
