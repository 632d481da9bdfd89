using CivicsClass.Content.Taxonomies;
using CivicsClass.Contests.Live;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>
/// A live final in a hall: an editor opens it for two unions and puts the projector on the big screen; a
/// worker joins on their phone; the editor pushes a question, which the projector and the phone show
/// without reloading; the worker answers and the projector's scores move; the editor ends the final.
/// </summary>
public sealed class LiveFinalJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "juesai2026";

    [SkippableFact]
    public async Task Projector_ShowsThePushedQuestion_AndTheScoreAfterAPhoneAnswers_WithoutReloading()
    {
        var browser = await site.StartAsync();
        var (beijing, shanghai) = await PrepareAsync();
        var errors = new List<string>();
        await using var hall = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await using var phoneContext = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var controls = await SignInAsync(hall, "13500000031", errors);
        var phone = await SignInAsync(phoneContext, "13500000032", errors);

        // The editor opens the final for two unions and puts the projector up.
        await controls.GotoAsync(site.BaseAddress + "/admin/contests");
        await controls.GetByRole(AriaRole.Link, new() { Name = "点亮工运地图：百年工运知识竞赛" }).ClickAsync();
        await controls.GetByRole(AriaRole.Link, new() { Name = "现场决赛", Exact = true }).ClickAsync();
        await controls.Locator($"input[name='teamIds'][value='{beijing}']").CheckAsync();
        await controls.Locator($"input[name='teamIds'][value='{shanghai}']").CheckAsync();
        await controls.GetByLabel("题数").FillAsync("3");
        await controls.GetByRole(AriaRole.Button, new() { Name = "开设现场决赛" }).ClickAsync();
        await controls.WaitForURLAsync(url => url.Contains("/admin/live-finals/", StringComparison.Ordinal));
        var roomId = controls.Url.Split('/')[^1];
        var projector = await hall.NewPageAsync();
        Watch(projector, errors);
        await projector.GotoAsync($"{site.BaseAddress}/contests/live/{roomId}/projector");
        await projector.Locator(".live-projector[data-stage='lobby']").WaitForAsync();
        await projector.GetByText("北京市总工会").WaitForAsync();
        await Shot(projector, "1-projector-lobby");

        // A worker of a district union under Beijing's finds the final on the contest page and joins.
        await phone.GotoAsync(site.BaseAddress + "/contests/gongyun-bainian-zhishi-jingsai");
        await phone.GetByRole(AriaRole.Link, new() { Name = "现场决赛正在进行，参赛工会的会员请加入" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "加入决赛" }).ClickAsync();
        await phone.GetByText("我的队伍：北京市总工会").WaitForAsync();
        await phone.Locator(".live-phone[data-stage='lobby']").WaitForAsync();
        await projector.GetByText("已加入 1 人", new() { Exact = false }).WaitForAsync();
        await Shot(phone, "2-phone-joined");

        // The editor pushes the first question: both screens show it, pushed by the server.
        await controls.GetByRole(AriaRole.Button, new() { Name = "推送第 1 题" }).ClickAsync();
        LiveRoom room;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            room = (await scope.ServiceProvider.GetRequiredService<LiveRoomStore>().GetAsync(roomId))!;
        }

        var question = room.Questions[0];
        await projector.Locator("[data-live-question]", new() { HasText = question.Question }).WaitForAsync();
        await phone.Locator("[data-live-question]", new() { HasText = question.Question }).WaitForAsync();
        Assert.Equal(question.Options.Count, await projector.Locator("[data-live-options] [data-option]").CountAsync());
        Assert.Matches(@"^剩余 \d+ 秒$", await projector.Locator("[data-live-timer]").InnerTextAsync());
        await Shot(projector, "3-projector-question");

        // The worker answers rightly; the projector's score for Beijing moves without a reload.
        var answered = phone.WaitForResponseAsync(r => r.Url.EndsWith($"/contests/live/{roomId}/answers", StringComparison.Ordinal));
        await phone.Locator($"[data-live-options] button[data-option='{question.Answer}']").ClickAsync();
        Assert.Equal(204, (await answered).Status);
        await phone.GetByText("答案已提交，等待公布").WaitForAsync();
        Assert.True(await phone.Locator("[data-live-options] button").First.IsDisabledAsync(), "a second answer cannot be chosen");
        await Shot(phone, "4-phone-answered");
        var beijingRow = projector.Locator($"[data-live-teams] li[data-team='{beijing}']");
        await projector.WaitForFunctionAsync($"() => Number(document.querySelector(\"[data-live-teams] li[data-team='{beijing}']\")?.dataset.score) >= 100");
        Assert.Equal(beijing, await projector.Locator("[data-live-teams] li").First.GetAttributeAsync("data-team"));
        Assert.Contains("北京市总工会", await beijingRow.InnerTextAsync());
        await Shot(projector, "5-projector-score");

        // The editor ends the final: the projector shows the final ranking, the phone that it is over.
        await controls.GetByRole(AriaRole.Button, new() { Name = "提前结束决赛" }).ClickAsync();
        await projector.Locator(".live-projector[data-stage='finished']").WaitForAsync();
        await projector.GetByText("最终排名").WaitForAsync();
        await phone.GetByText("决赛已经结束，感谢参与！").WaitForAsync();
        await Shot(projector, "6-projector-final");
        await Shot(phone, "7-phone-final");
        Assert.True(errors.Count == 0, string.Join(" | ", errors));
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the live final scrolls sideways at 375 px");
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string account, List<string> errors)
    {
        var page = await context.NewPageAsync();
        Watch(page, errors);
        await page.GotoAsync(site.BaseAddress + "/account/login?returnUrl=%2Fcontests");
        await page.GetByLabel("手机号或电子邮箱").FillAsync(account);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/contests", StringComparison.Ordinal));
        return page;
    }

    private static void Watch(IPage page, List<string> errors) => page.Console += (_, message) =>
    {
        if (message.Type == "error")
        {
            errors.Add(message.Text + " " + message.Location);
        }
    };

    /// <summary>An editor, and a worker of Haidian's union (under Beijing's); returns the ids of Beijing's and Shanghai's unions.</summary>
    private async Task<(string Beijing, string Shanghai)> PrepareAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        var taxonomies = scope.ServiceProvider.GetRequiredService<TaxonomyService>();
        async Task<string> Organisation(string name) => (await taxonomies.FindTermByNameAsync("Organisation", name, session))!.Id;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var editor = new User { UserName = "13500000031", DisplayName = "周编辑", Roles = ["Editor"], CreatedUtc = DateTime.UtcNow };
        var worker = new User
        {
            UserName = "13500000032", DisplayName = "吴师傅", Roles = ["Worker"], CreatedUtc = DateTime.UtcNow, OrganisationTermId = await Organisation("海淀区总工会"),
        };
        Assert.True((await users.CreateAsync(editor, Password)).Succeeded);
        Assert.True((await users.CreateAsync(worker, Password)).Succeeded);
        return (await Organisation("北京市总工会"), await Organisation("上海市总工会"));
    }

    private static Task Shot(IPage page, string step) => BrowserSite.ShotAsync(page, "live-final-" + step);
}
