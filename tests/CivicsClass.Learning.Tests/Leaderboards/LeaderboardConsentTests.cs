using System.Net;
using System.Text.RegularExpressions;
using CivicsClass.Learning.Points;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Learning.Tests.Leaderboards;

/// <summary>
/// Leaderboards by consent: a worker is named on the people board only after turning on "在排行榜显示我的名字"
/// in the profile (off by default); everyone still counts for their union and region, and each worker sees
/// their own place either way — on the page and in the app's API.
/// </summary>
public abstract class LeaderboardConsentTests<TProvider>(ClockedSiteHost<TProvider> host) : IClassFixture<ClockedSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task PeopleBoard_NamesOnlyThoseWhoOptedIn_GroupsStillCountEveryone_MyPlaceShownEitherWay()
    {
        var factory = await host.GetAsync();
        using var named = await AppLearner.CreateAsync(factory, "13720000001");
        using var quiet = await AppLearner.CreateAsync(factory, "13720000002");
        await FormClient.CreateUserAsync(factory, "13620000009", AppLearner.Password, "Worker");
        using var me = await FormClient.SignedInAsync(factory, "13620000009", AppLearner.Password);
        var meId = await UserIdAsync(factory, "13620000009");
        var organisation = await ProfileAsync(factory, "13720000001", "萍乡市总工会", showName: true);
        await ProfileAsync(factory, "13720000002", "萍乡市总工会", showName: false);
        await AwardAsync(factory, (named.Id, 300), (quiet.Id, 900), (meId, 200));
        var namedName = named.User.DisplayName;
        var quietName = quiet.User.DisplayName;

        var profileBefore = await me.GetStringAsync("/account/profile");
        var pageBefore = await me.GetStringAsync("/leaderboards?board=people&period=week");
        var api = await quiet.GetAsync("/api/v1/leaderboards/people?period=week");
        var organisations = await quiet.GetAsync("/api/v1/leaderboards/organisations?period=week&by=total");
        var saved = await me.PostAsync("/account/profile", "/account/profile", new()
        {
            ["displayName"] = "测试0009", ["organisation"] = organisation, ["showOnLeaderboards"] = "true",
        });
        var pageAfter = await me.GetStringAsync("/leaderboards?board=people&period=week");
        var apiAfter = await named.GetAsync("/api/v1/leaderboards/people?period=week");

        Assert.DoesNotContain("name=\"showOnLeaderboards\" value=\"true\" checked", profileBefore);
        Assert.Contains("在排行榜显示我的名字", profileBefore);
        var listed = api.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains(namedName, listed);
        Assert.DoesNotContain(quietName, listed);
        Assert.DoesNotContain(listed, n => n!.Contains('*', StringComparison.Ordinal)); // nobody is listed masked either
        Assert.Equal(1, api.GetProperty("entries")[0].GetProperty("rank").GetInt32());
        Assert.False(api.GetProperty("meNamed").GetBoolean());
        Assert.Equal(1, api.GetProperty("me").GetProperty("rank").GetInt32()); // 900 points: first, were they to join
        var groups = organisations.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("points").GetDouble());
        Assert.True(groups["萍乡市总工会"] >= 1200, "the union counts the points of members who are not named");
        Assert.DoesNotContain(quietName, pageBefore);
        Assert.DoesNotContain("测试0009</td>", pageBefore);
        Assert.Contains("你没有出现在个人榜上。按你的积分（200 分），加入后排第 2 名", pageBefore);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("name=\"showOnLeaderboards\" value=\"true\" checked", await saved.Content.ReadAsStringAsync());
        Assert.Contains("<td>测试0009</td>", pageAfter);
        Assert.Contains("我的排名：第 2 名（测试0009，200 分）", pageAfter);
        Assert.DoesNotContain(quietName, pageAfter);
        Assert.Equal([namedName, "测试0009"], apiAfter.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList());
        Assert.True(apiAfter.GetProperty("meNamed").GetBoolean());
    }

    /// <summary>Saves a profile through the page, as the worker would: the union and the leaderboard setting; returns the union's id.</summary>
    private static async Task<string> ProfileAsync(SiteFactory factory, string userName, string organisationName, bool showName)
    {
        using var form = await FormClient.SignedInAsync(factory, userName, AppLearner.Password);
        var page = await form.GetStringAsync("/account/profile");
        var organisation = Regex.Match(page, "<option value=\"([^\"]+)\">[^<]*?" + organisationName + "<").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["displayName"] = "测试" + userName[^4..], ["organisation"] = organisation };
        if (showName)
        {
            fields["showOnLeaderboards"] = "true";
        }

        var saved = await form.PostAsync("/account/profile", "/account/profile", fields);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return organisation;
    }

    private static async Task AwardAsync(SiteFactory factory, params (long User, int Points)[] awards)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<PointsLedger>();
        var rule = new PointsRule { Name = "Test", Points = 1 };
        foreach (var (user, points) in awards)
        {
            await ledger.AwardAsync(rule, new Award(user, "Test", null, $"consent:{user}", points));
        }

        await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
    }

    private static async Task<long> UserIdAsync(SiteFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CivicsClass.Accounts.User>>();
        return (await users.FindByNameAsync(userName))!.Id;
    }
}

public sealed class SqliteLeaderboardConsentTests(ClockedSiteHost<Sqlite> host) : LeaderboardConsentTests<Sqlite>(host);

public sealed class PostgresLeaderboardConsentTests(ClockedSiteHost<Postgres> host) : LeaderboardConsentTests<Postgres>(host);
