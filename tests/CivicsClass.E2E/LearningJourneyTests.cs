using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;

namespace CivicsClass.E2E;

/// <summary>
/// On a phone, a worker finishes the last lesson of a course through the study panel, opens the
/// certificate and its verification link, passes the lesson's quiz, and sees the points and the day chart.
/// </summary>
public sealed class LearningJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "xuexi2026";

    [SkippableFact]
    public async Task Worker_StudiesPassesQuizFinishesCourse_AndVerifiesTheCertificate()
    {
        var browser = await site.StartAsync();
        var (userId, course, lastLesson) = await PrepareAsync();
        var errors = new List<string>();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " " + message.Location);
            }
        };

        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Flearning");
        await page.GetByLabel("手机号或电子邮箱").FillAsync("13500000001");
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/learning", StringComparison.Ordinal));

        // The last lesson of the course: the study panel, the server's minimum time, then done.
        var lessonUrl = site.BaseAddress + "/" + lastLesson.Part<AutoroutePart>().Path;
        await page.GotoAsync(lessonUrl);
        await page.GetByRole(AriaRole.Heading, new() { Name = "学习打卡" }).WaitForAsync();
        // The panel's script opens the study session by POST once the page has loaded; only then is the button live.
        await page.Locator(".study-panel[data-study]").WaitForAsync();
        await Shot(page, "1-study-panel");
        site.Clock.Advance(TimeSpan.FromMinutes(11));
        await page.GetByRole(AriaRole.Button, new() { Name = "完成学习" }).ClickAsync();
        await page.GetByText("获得 1 积分").WaitForAsync();
        await Shot(page, "2-studied");

        // The course is finished: its certificate, and the verification its QR code leads to.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看证书：" + course.DisplayText }).ClickAsync();
        await page.GetByText("此证书真实有效").WaitForAsync();
        var verifyUrl = await page.Locator(".certificate-qr a").GetAttributeAsync("href");
        await Shot(page, "3-certificate");
        await page.GotoAsync(verifyUrl!);
        await page.GetByText("此证书真实有效").WaitForAsync();
        Xunit.Assert.Equal(1, await page.Locator(".certificate-qr svg").CountAsync());

        // The lesson's quiz, graded on the server.
        await page.GotoAsync(lessonUrl);
        var questions = lastLesson.Part<QuizPart>().Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            await page.Locator($"input[name='q{i + 1}'][value='{questions[i].Answer}']").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "提交答案" }).ClickAsync();
        await page.GetByText("测验通过，获得 2 积分").WaitForAsync();
        await Shot(page, "4-quiz");

        // My learning: the balance and the chart of points by day.
        await page.GotoAsync(site.BaseAddress + "/learning");
        var balance = await page.Locator("[data-balance]").InnerTextAsync();
        await Shot(page, "5-my-learning");

        await using var scope = site.Services.CreateAsyncScope();
        var expected = await scope.ServiceProvider.GetRequiredService<PointsLedger>().BalanceAsync(userId);
        Xunit.Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), balance);
        Xunit.Assert.True(expected >= 1 + 1 + 10 + 2, $"visit, lesson, course and quiz points; got {expected}");
        Xunit.Assert.Equal(14, await page.Locator(".day-chart rect").CountAsync());
        Xunit.Assert.True(await page.Locator(".day-chart rect").Last.GetAttributeAsync("height") is { } height && int.Parse(height, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Xunit.Assert.True(errors.Count == 0, string.Join(" | ", errors));
        Xunit.Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "my learning scrolls sideways at 375 px");
    }

    /// <summary>A worker who has studied every lesson of a course but the last.</summary>
    private async Task<(long UserId, ContentItem Course, ContentItem LastLesson)> PrepareAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = "13500000001", DisplayName = "赵师傅", Roles = ["Worker"], CreatedUtc = DateTime.UtcNow };
        Xunit.Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var course = (await content.GetByPathAsync("courses/gongyun-bainian"))!;
        var lessons = course.Part<ListPart>().ContentItemIds;
        var progress = scope.ServiceProvider.GetRequiredService<LearningProgress>();
        foreach (var lesson in lessons.Take(lessons.Count - 1))
        {
            await progress.StudiedAsync(user.Id, lesson);
        }

        await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
        return (user.Id, course, (await content.GetAsync(lessons[^1]))!);
    }

    private static Task Shot(IPage page, string step) => BrowserSite.ShotAsync(page, "learning-" + step);
}
