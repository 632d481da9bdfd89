using System.Net;
using CivicsClass.Learning;
using CivicsClass.Testing;
using CivicsClass.Web.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Study;

/// <summary>Points rules and learning reports in the admin area.</summary>
public abstract class LearningAdminTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task PointsRules_AdministratorEditsACap_BadValuesExplainedAndNothingSaved_OthersRefused()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "rules", "Administrator", "Editor", "Worker");
        var admin = people["Administrator"];

        var page = await admin.GetStringAsync("/admin/points");
        var bad = await admin.PostAsync("/admin/points", "/admin/points/StudyText", new()
        {
            ["displayName"] = "学习图文课", ["points"] = "-3", ["dailyCap"] = "很多", ["enabled"] = "true", ["s:MinSeconds"] = "abc",
        });
        var afterBad = await RuleAsync(factory, "StudyText");
        var good = await admin.PostAsync("/admin/points", "/admin/points/StudyText", new()
        {
            ["displayName"] = "学习图文课", ["points"] = "2", ["dailyCap"] = "8", ["enabled"] = "true", ["s:MinSeconds"] = "45", ["s:SecondsPerMinute"] = "20", ["s:MaxSeconds"] = "600",
        });
        var saved = await RuleAsync(factory, "StudyText");
        var editor = await people["Editor"].Http.GetAsync("/admin/points");
        var worker = await people["Worker"].Http.GetAsync("/admin/points");

        Assert.Contains("每日上限", page);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("积分须在 0 到 1000 之间", badPage);
        Assert.Contains("每日上限须是整数", badPage);
        Assert.Contains("须是数字", badPage);
        Assert.Equal((1, 6), (afterBad.Points, afterBad.DailyCap));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal((2, 8, 45.0), (saved.Points, saved.DailyCap, saved.Settings["MinSeconds"]));
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, worker.StatusCode);
    }

    [SkippableFact]
    public async Task Analytics_EditorsSeeStudiesSearchMissesAndRequests_AndPlanARequest()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "report", "Editor", "Worker");
        await people["Worker"].GetStringAsync("/search?q=" + Uri.EscapeDataString("鲸鱼飞船"));
        await people["Worker"].PostAsync("/requests", "/requests", new() { ["title"] = "工会经费怎么用", ["detail"] = "" });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var requests = await scope.ServiceProvider.GetRequiredService<TopicRequests>().ListAsync(null, 10);
            Assert.Contains(requests, r => r.Title == "工会经费怎么用");
        }

        var report = await people["Editor"].GetStringAsync("/admin/analytics?days=30");
        var id = System.Text.RegularExpressions.Regex.Match(report, "/admin/analytics/requests/(\\d+)").Groups[1].Value;
        var planned = await people["Editor"].PostAsync("/admin/analytics", $"/admin/analytics/requests/{id}", new() { ["status"] = "planned" });
        var workerView = await people["Worker"].GetStringAsync("/requests");
        var refused = await people["Worker"].Http.GetAsync("/admin/analytics");

        Assert.Contains("鲸鱼飞船", report);
        Assert.Contains("工会经费怎么用", report);
        Assert.Contains("按工会组织", report);
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Contains("已安排", workerView);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<PointsRule> RuleAsync(SiteFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        return (await session.GetAllAsync<PointsRule>()).Single(r => r.Name == name);
    }
}

public sealed class SqliteLearningAdminTests(SiteHost<Sqlite> host) : LearningAdminTests<Sqlite>(host);

public sealed class PostgresLearningAdminTests(SiteHost<Postgres> host) : LearningAdminTests<Postgres>(host);
