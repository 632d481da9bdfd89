using System.Net;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using CivicsClass.Learning.Points;

namespace CivicsClass.Learning.Tests.Points;

/// <summary>Points rules and the points ledger in the admin area.</summary>
public abstract class PointsAdminTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
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
        Assert.Contains("最少学习秒数", page); // settings by their Chinese names, not their keys
        Assert.DoesNotContain(">条件 MinSeconds<", page);
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
    public async Task PointsRules_SettingsThatCannotApply_RefusedInTheFormAndTheRecipe_AStoredOneBreaksNoPage()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "settings", "Administrator", "Worker");
        var admin = people["Administrator"];
        var before = await RuleAsync(factory, "StudyText");

        var crossed = await admin.PostAsync("/admin/points", "/admin/points/StudyText", new()
        {
            ["displayName"] = "学习图文课", ["points"] = "1", ["dailyCap"] = "6", ["enabled"] = "true", ["s:MinSeconds"] = "700", ["s:MaxSeconds"] = "60",
        });
        var aboveDefault = await admin.PostAsync("/admin/points", "/admin/points/StudyText", new()
        {
            ["displayName"] = "学习图文课", ["points"] = "1", ["dailyCap"] = "6", ["enabled"] = "true", ["s:MinSeconds"] = "900",
        });
        var window = await admin.PostAsync("/admin/points", "/admin/points/CheckIn", new()
        {
            ["displayName"] = "线下活动签到", ["points"] = "5", ["dailyCap"] = "10", ["enabled"] = "true", ["s:WindowMinutes"] = "1e12",
        });
        var after = await RuleAsync(factory, "StudyText");
        IReadOnlyList<CivicsClass.Content.Recipes.RecipeError> recipeErrors;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var step = scope.ServiceProvider.GetServices<CivicsClass.Content.Recipes.IRecipeStep>().Single(s => s.Name == "PointsRules");
            var validation = new CivicsClass.Content.Recipes.RecipeValidation();
            step.Validate((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse("""
                { "Name": "PointsRules", "Rules": [{ "Name": "StudyText", "DisplayName": "学习图文课", "Points": 1, "Settings": { "MinSeconds": 700, "MaxSeconds": 60 } }] }
                """)!, validation);
            recipeErrors = validation.Errors;
        }

        // A rule stored before these checks existed: lesson pages still answer.
        await SaveRuleAsync(factory, "StudyText", rule => rule.Settings = new() { ["MinSeconds"] = 700, ["MaxSeconds"] = 60 });
        var lessonPage = await people["Worker"].Http.GetAsync("/lessons/laodong-hetong-jichu");
        await SaveRuleAsync(factory, "StudyText", rule => rule.Settings = before.Settings);

        Assert.Equal(HttpStatusCode.BadRequest, crossed.StatusCode);
        Assert.Contains("最短学习时间（700 秒）不能超过最长学习时间（60 秒）", await crossed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, aboveDefault.StatusCode);
        Assert.Contains("不能超过最长学习时间（600 秒）", await aboveDefault.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, window.StatusCode);
        Assert.Contains("须在 0 到 1440 之间", await window.Content.ReadAsStringAsync());
        Assert.Equal(before.Settings, after.Settings);
        Assert.Contains(recipeErrors, e => e.Path.EndsWith(".Rules[0].Settings.MinSeconds", StringComparison.Ordinal) && e.Reason.Contains("不能超过最长学习时间"));
        Assert.Equal(HttpStatusCode.OK, lessonPage.StatusCode);
    }

    [SkippableFact]
    public async Task Ledger_AdministratorReversesAWrongAwardWithAReason_CapPaysBack_OthersRefused()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "ledger", "Administrator", "Editor");
        var worker = await FormClient.CreateUserAsync(factory, "13500000077", AdminPeople.Password, "Worker");
        var stranger = await FormClient.CreateUserAsync(factory, "13500000078", AdminPeople.Password, "Worker");
        var capped = new PointsRule { Name = Activities.StudyText, Points = 1, DailyCap = 6 };
        long first;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var ledger = scope.ServiceProvider.GetRequiredService<PointsLedger>();
            var results = new List<AwardResult>();
            for (var i = 0; i < 7; i++)
            {
                results.Add(await ledger.AwardAsync(capped, new Award(worker.Id, capped.Name, $"lesson-{i}", $"ledger-admin-{i}", 1)));
            }

            await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
            first = results[0].EntryId;
            Assert.True(results[6].Capped);
        }

        var admin = people["Administrator"];
        var search = await admin.GetStringAsync("/admin/points/ledger?q=13500000077");
        var page = $"/admin/points/ledger/{worker.Id}";
        var before = await admin.GetStringAsync(page);
        var noReason = await admin.PostAsync(page, $"{page}/{first}/reverse", new() { ["reason"] = " " });
        var afterNoReason = await admin.GetStringAsync(page);
        var reversed = await admin.PostAsync(page, $"{page}/{first}/reverse", new() { ["reason"] = "同一课重复计分" });
        var afterReverse = await admin.GetStringAsync(page);
        var again = await admin.PostAsync(page, $"{page}/{first}/reverse", new() { ["reason"] = "再撤一次" });
        var afterAgain = await admin.GetStringAsync(page);
        var wrongOwner = await admin.PostAsync(page, $"/admin/points/ledger/{stranger.Id}/{first}/reverse", new() { ["reason"] = "不是他的记录" });
        var editorPage = await people["Editor"].Http.GetAsync(page);
        var editorPost = await people["Editor"].PostWithoutTokenAsync($"{page}/{first}/reverse", new() { ["reason"] = "越权" });

        Assert.Contains($"href=\"/admin/points/ledger/{worker.Id}\"", search);
        Assert.Contains("data-balance>6<", before);
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("请写明撤销的原因", afterNoReason);
        Assert.Contains("data-balance>6<", afterNoReason);
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);
        Assert.Contains("已撤销 1 分；当天被上限挡下的 1 分已补发。", afterReverse);
        Assert.Contains("同一课重复计分", afterReverse);
        Assert.Contains("data-balance>6<", afterReverse); // one reversed, the one the cap held back paid
        Assert.Contains("这条记录已经撤销过", afterAgain);
        Assert.Equal(HttpStatusCode.NotFound, wrongOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorPage.StatusCode);
        Assert.True(editorPost.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<PointsLedger>().EntriesAsync(worker.Id, 100);
            Assert.Single(entries, e => e.ReversesId == first && e.Points == -1 && e.Reason!.StartsWith("同一课重复计分", StringComparison.Ordinal));
            Assert.Equal(6, entries.Sum(e => e.Points));
        }
    }

    /// <summary>Changes a stored rule straight through the store, past the form's checks.</summary>
    private static async Task SaveRuleAsync(SiteFactory factory, string name, Action<PointsRule> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        var rule = (await session.GetAllAsync<PointsRule>()).Single(r => r.Name == name);
        change(rule);
        await scope.ServiceProvider.GetRequiredService<PointsRuleStore>().SaveAsync(session, rule);
        await session.SaveChangesAsync();
    }

    private static async Task<PointsRule> RuleAsync(SiteFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        return (await session.GetAllAsync<PointsRule>()).Single(r => r.Name == name);
    }
}

public sealed class SqlitePointsAdminTests(SiteHost<Sqlite> host) : PointsAdminTests<Sqlite>(host);

public sealed class PostgresPointsAdminTests(SiteHost<Postgres> host) : PointsAdminTests<Postgres>(host);
