using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// A worker's day on a 375-px phone: home (their day and today's tasks) → a lesson from the home page →
/// the study companion in view at the bottom while reading, back again (the session resumes) → studied →
/// the leaderboard, where they are not named until they turn it on in their profile. No page scrolls
/// sideways; screenshots of each step are kept.
/// </summary>
public sealed class WorkerDayJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "xuexi2026";

    [SkippableFact]
    public async Task Worker_OnAPhone_HomeLessonStudyAndLeaderboardOptIn()
    {
        var browser = await site.StartAsync();
        await CreateWorkerAsync("13500000021", "周师傅");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 740 }, Locale = "zh-CN", DeviceScaleFactor = 2,
        });
        var page = await context.NewPageAsync();
        var problems = WorkerJourneyTests.Watch(page);

        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2F");
        await page.GetByLabel("手机号或电子邮箱").FillAsync("13500000021");
        await page.GetByLabel("密码").FillAsync(Password);
        await WorkerJourneyTests.SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }),
            url => new Uri(url).AbsolutePath == "/");
        await StepAsync(page, "周师傅，今天学一课", "1-home");
        Assert.True(await page.Locator(".my-day .task-cards li").CountAsync() > 0, "today's tasks are on the home page");

        // A lesson from the home page's newest lessons.
        var lesson = page.Locator("section[aria-labelledby=newest] a.card-link").First;
        var path = (await lesson.GetAttributeAsync("href"))!;
        await WorkerJourneyTests.FollowAsync(page, lesson, path);
        await page.Locator(".study-panel[data-study]").WaitForAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "完成学习" });
        Assert.True(await button.IsDisabledAsync(), "the button is live only once the study counts");
        var bar = await page.Locator(".study-bar").BoundingBoxAsync();
        Assert.True(bar is not null && bar.Y + bar.Height <= 740 + 1 && bar.Y > 740 / 2,
            $"the study companion is in view at the bottom of the screen while reading (at {bar?.Y}, {bar?.Height} high)");
        var sessionId = await page.Locator(".study-panel").GetAttributeAsync("data-study");
        await StepAsync(page, "学习打卡", "2-lesson-studying");

        // Away and back after the minimum time: the same session, its time counted from the first opening.
        site.Clock.Advance(TimeSpan.FromMinutes(11));
        await page.GotoAsync(site.BaseAddress + "/");
        await page.GoBackAsync();
        await page.Locator(".study-panel.study-ready").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(sessionId, await page.Locator(".study-panel").GetAttributeAsync("data-study"));
        await StepAsync(page, "学够了", "3-lesson-resumed");
        await WorkerJourneyTests.SubmitAsync(page, button, url => url.EndsWith("/complete", StringComparison.Ordinal));
        await StepAsync(page, "获得 1 积分", "4-studied");

        // The leaderboard names nobody who did not choose it; the profile setting turns it on.
        await page.GotoAsync(site.BaseAddress + "/leaderboards");
        await StepAsync(page, "你没有出现在个人榜上", "5-leaderboard-unnamed");
        Assert.Equal(0, await page.Locator("table.board td", new() { HasText = "周师傅" }).CountAsync());
        await WorkerJourneyTests.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "在个人资料中打开“在排行榜显示我的名字”" }), "/account/profile#showName");
        await page.GetByLabel("在排行榜显示我的名字").CheckAsync();
        await WorkerJourneyTests.SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "保存" }),
            url => url.EndsWith("/account/profile", StringComparison.Ordinal));
        await StepAsync(page, "个人资料已保存", "6-profile-opted-in");
        await page.GotoAsync(site.BaseAddress + "/leaderboards");
        await page.Locator("table.board td", new() { HasText = "周师傅" }).WaitForAsync();
        await StepAsync(page, "我的排名", "7-leaderboard-named");

        Assert.Empty(problems);
    }

    /// <summary>Waits for the step's text, checks the page does not scroll sideways, and keeps a screenshot.</summary>
    private static async Task StepAsync(IPage page, string text, string step)
    {
        await page.GetByText(text).First.WaitForAsync(new() { Timeout = 10_000 });
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the phone");
        await BrowserSite.ShotAsync(page, "worker-day-" + step);
    }

    private async Task CreateWorkerAsync(string userName, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, DisplayName = name, Roles = ["Worker"], CreatedUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
    }
}
