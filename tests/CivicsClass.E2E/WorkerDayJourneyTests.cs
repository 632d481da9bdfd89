using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// A worker's day on a 375-px phone: home (their day and today's tasks) → a lesson from the home page →
/// the study companion in view at the bottom while reading, with the lesson to listen to, back again (the
/// session resumes) → studied → a lesson's quiz → their points → the leaderboard, where they are not named
/// until they turn it on in their profile. No page scrolls sideways, axe-core finds no serious or critical
/// violation on any of them, nothing goes wrong in the console; screenshots of each step are kept.
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
        var steps = new JourneySteps(page, "worker-day");

        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2F");
        await steps.AtAsync("手机号或电子邮箱", "0-login");
        await page.GetByLabel("手机号或电子邮箱").FillAsync("13500000021");
        await page.GetByLabel("密码").FillAsync(Password);
        await WorkerJourneyTests.SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }),
            url => new Uri(url).AbsolutePath == "/");
        await steps.AtAsync("周师傅，今天学一课", "1-home");
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
        await page.Locator("section.narration").GetByRole(AriaRole.Heading, new() { Name = "听课" }).WaitForAsync();
        var sessionId = await page.Locator(".study-panel").GetAttributeAsync("data-study");
        await steps.AtAsync("学习打卡", "2-lesson-studying");

        // Away and back after the minimum time: the same session, its time counted from the first opening.
        site.Clock.Advance(TimeSpan.FromMinutes(11));
        await page.GotoAsync(site.BaseAddress + "/");
        await page.GoBackAsync();
        await page.Locator(".study-panel.study-ready").WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(sessionId, await page.Locator(".study-panel").GetAttributeAsync("data-study"));
        await steps.AtAsync("学够了", "3-lesson-resumed");
        await WorkerJourneyTests.SubmitAsync(page, button, url => url.EndsWith("/complete", StringComparison.Ordinal));
        await steps.AtAsync("获得 1 积分", "4-studied");

        // A lesson's quiz, then the points it all earned.
        await page.GotoAsync(site.BaseAddress + "/lessons/anyuan-great-strike-1922");
        await steps.AtAsync("课后小测", "5-quiz");
        var questions = page.Locator("fieldset.quiz-question");
        var count = await questions.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await questions.Nth(i).Locator("label.quiz-option").First.ClickAsync();
        }

        await WorkerJourneyTests.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "提交答案" }), url => url.EndsWith("/quiz", StringComparison.Ordinal));
        await steps.AtAsync($"/ {count} 题", "6-quiz-graded");
        await page.GotoAsync(site.BaseAddress + "/learning");
        await steps.AtAsync("总积分", "7-points");
        Assert.True(int.Parse(await page.Locator("[data-balance]").InnerTextAsync()) >= 1, "the studied lesson's point is in the balance");

        // The leaderboard names nobody who did not choose it; the profile setting turns it on.
        await page.GotoAsync(site.BaseAddress + "/leaderboards");
        await steps.AtAsync("你没有出现在个人榜上", "8-leaderboard-unnamed");
        Assert.Equal(0, await page.Locator("table.board td", new() { HasText = "周师傅" }).CountAsync());
        await WorkerJourneyTests.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "在个人资料中打开“在排行榜显示我的名字”" }), "/account/profile#showName");
        await page.GetByLabel("在排行榜显示我的名字").CheckAsync();
        await WorkerJourneyTests.SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "保存" }),
            url => url.EndsWith("/account/profile", StringComparison.Ordinal));
        await steps.AtAsync("个人资料已保存", "9-profile-opted-in");
        await page.GotoAsync(site.BaseAddress + "/leaderboards");
        await page.Locator("table.board td", new() { HasText = "周师傅" }).WaitForAsync();
        await steps.AtAsync("我的排名", "10-leaderboard-named");

        Assert.Empty(problems);
        Assert.True(steps.Findings.Count == 0, string.Join("\n", steps.Findings));
    }

    private async Task CreateWorkerAsync(string userName, string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, DisplayName = name, Roles = ["Worker"], CreatedUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
    }
}
