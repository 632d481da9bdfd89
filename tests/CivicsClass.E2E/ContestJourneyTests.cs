using CivicsClass.Content.Taxonomies;
using CivicsClass.Contests.Rounds;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// On a phone, a worker opens the seeded contest, takes a round under the server's timer, sees the
/// right answers and a map point lit, and finds their own place and their union's on the contest page.
/// </summary>
public sealed class ContestJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "jingsai2026";

    [SkippableFact]
    public async Task Worker_TakesARound_LightsTheMap_AndSeesTheirPlace()
    {
        var browser = await site.StartAsync();
        await PrepareAsync();
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

        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Fcontests");
        await page.GetByLabel("手机号或电子邮箱").FillAsync("13500000020");
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/contests", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "点亮工运地图：百年工运知识竞赛" }).ClickAsync();
        await page.GetByText("已点亮 0 / 8 个点位").WaitForAsync();
        await Shot(page, "1-contest");

        // A round: the server draws it and keeps the time; each answer is sent as it is chosen.
        await page.GetByRole(AriaRole.Button, new() { Name = "开始答题" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/contests/rounds/", StringComparison.Ordinal));
        var timer = await page.Locator("[data-timer]").InnerTextAsync();
        Assert.Matches(@"^[45]:\d\d$", timer);
        var roundId = page.Url.Split('/')[^1];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var round = (await scope.ServiceProvider.GetRequiredService<RoundStore>().GetAsync(roundId))!;
            Assert.Equal(10, round.Questions.Count);
            for (var i = 0; i < round.Questions.Count; i++)
            {
                var answered = page.WaitForResponseAsync(r => r.Url.EndsWith($"/contests/rounds/{roundId}/answers", StringComparison.Ordinal));
                await page.Locator($"input[name='q{i + 1}'][value='{round.Questions[i].Answer}']").CheckAsync();
                Assert.Equal(204, (await answered).Status);
            }
        }

        await Shot(page, "2-round");
        await page.GetByRole(AriaRole.Button, new() { Name = "交卷" }).ClickAsync();
        await page.GetByText("答对 10/10 题").WaitForAsync();
        await page.GetByText("过关！已点亮：中国劳动组合书记部旧址").WaitForAsync();
        Assert.Equal(10, await page.Locator(".quiz-results li.right").CountAsync());
        await Shot(page, "3-result");

        // Back on the contest: the first point is lit, and my place and my union's are shown.
        await page.GetByRole(AriaRole.Link, new() { Name = "返回竞赛" }).ClickAsync();
        await page.GetByText("已点亮 1 / 8 个点位").WaitForAsync();
        Assert.Equal("lit", await page.Locator(".contest-map-svg [data-point='0']").GetAttributeAsync("data-state"));
        Assert.Equal("1", await page.Locator("[data-my-place]").GetAttributeAsync("data-my-place"));
        await page.Locator("[data-my-organisation]").WaitForAsync();
        var organisation = await page.Locator("[data-my-organisation]").InnerTextAsync();
        Assert.Contains("海淀区总工会", organisation);
        Assert.DoesNotContain("综合得分 0）", organisation); // the round counts at once, not after the node's copy expires
        await Shot(page, "4-map-lit");
        Assert.True(errors.Count == 0, string.Join(" | ", errors));
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the contest page scrolls sideways at 375 px");
    }

    private async Task PrepareAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        var organisation = await scope.ServiceProvider.GetRequiredService<TaxonomyService>().FindTermByNameAsync("Organisation", "海淀区总工会", session);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User
        {
            UserName = "13500000020", DisplayName = "钱师傅", Roles = ["Worker"], CreatedUtc = DateTime.UtcNow, OrganisationTermId = organisation!.Id,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
    }

    private static Task Shot(IPage page, string step) => BrowserSite.ShotAsync(page, "contest-" + step);
}
