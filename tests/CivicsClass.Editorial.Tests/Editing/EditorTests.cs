using System.Net;
using System.Text.Json;
using CivicsClass.Content.Seeds;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Admin;

public abstract class GovernanceTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Editor_CuratesAFeaturedTopic_InTheOrderChosen_AndReordersIt()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "curate", "Editor"))["Editor"];
        var course = SeedIds.For("Course", "laomo-gongjiang");
        var lesson = SeedIds.For("Lesson", "anyuan-great-strike-1922");
        List<KeyValuePair<string, string>> Topic(string first, string second) =>
        [
            new("Title", "编辑精选：劳模与工运"), new("Slug", "bianji-jingxuan"), new("Summary", "编辑挑选的内容。"),
            new("Markdown", "编辑的导语。"), new("List", first), new("List", second), new("F.Featured", "true"), new("command", "publish"),
        ];

        var created = await editor.PostAsync("/admin/content/Topic/new", "/admin/content/Topic/new", Topic(course, lesson));
        var id = AdminPeople.IdFromRedirect(created);
        var page = await FormClient.For(factory).GetStringAsync("/topics/bianji-jingxuan");
        var home = await FormClient.For(factory).GetStringAsync("/");
        var editorPage = await editor.GetStringAsync($"/admin/content/edit/{id}");
        var reordered = await editor.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}", AdminPeople.WithVersion(editorPage, Topic(lesson, course)));
        var after = await FormClient.For(factory).GetStringAsync("/topics/bianji-jingxuan");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(page.IndexOf("/courses/laomo-gongjiang", StringComparison.Ordinal) < page.IndexOf("/lessons/anyuan-great-strike-1922", StringComparison.Ordinal));
        Assert.Contains("/topics/bianji-jingxuan", home);
        Assert.Contains("data-move=\"up\"", editorPage);
        Assert.Equal(HttpStatusCode.Redirect, reordered.StatusCode);
        Assert.True(after.IndexOf("/lessons/anyuan-great-strike-1922", StringComparison.Ordinal) < after.IndexOf("/courses/laomo-gongjiang", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Administrator_AddsAFieldToLessons_AndTheEditorShowsIt()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "types", "Administrator"))["Administrator"];

        var bad = await admin.PostAsync("/admin/types", "/admin/types/Lesson/fields", new Dictionary<string, string> { ["name"] = "1坏名字", ["displayName"] = "", ["kind"] = "TextField" });
        var taken = await admin.PostAsync("/admin/types", "/admin/types/Lesson/fields", new Dictionary<string, string> { ["name"] = "Duration", ["displayName"] = "时长", ["kind"] = "TextField" });
        var added = await admin.PostAsync("/admin/types", "/admin/types/Lesson/fields", new Dictionary<string, string>
        {
            ["name"] = "SourceNote", ["displayName"] = "资料来源", ["kind"] = "TextField", ["maxLength"] = "200",
        });
        var editor = await admin.GetStringAsync("/admin/content/Lesson/new");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("字段名应以英文字母开头", await bad.Content.ReadAsStringAsync());
        Assert.Contains("请填写 1 到 40 个字的显示名称", await bad.Content.ReadAsStringAsync());
        Assert.Contains("已经有名为 Duration 的字段", await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("name=\"F.SourceNote\"", editor);
        Assert.Contains("资料来源", editor);
    }

    [SkippableFact]
    public async Task Editor_AddsATermUnderAParent_AndRefusesADuplicate()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "terms", "Editor"))["Editor"];

        var added = await editor.PostAsync("/admin/taxonomies/Theme", "/admin/taxonomies/Theme", new Dictionary<string, string> { ["newName"] = "安全生产", ["newParent"] = "" });
        var duplicate = await editor.PostAsync("/admin/taxonomies/Theme", "/admin/taxonomies/Theme", new Dictionary<string, string> { ["newName"] = "劳模精神" });
        var lessonEditor = await editor.GetStringAsync("/admin/content/Lesson/new");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已经有同名或同编号的词条“劳模精神”", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("安全生产", lessonEditor);
    }

    [SkippableFact]
    public async Task Administrator_ImportsOnlyAWholeValidRecipe_AndExportsOneThatImports()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "recipes", "Administrator"))["Administrator"];

        var broken = await Upload(admin, """{ "Steps": [ { "Name": "Taxonomies", "Taxonomies": [ { "Alias": "Theme", "DisplayName": "主题", "Terms": ["班组建设"] } ] }, { "Name": "NoSuchStep" } ] }""");
        var lessonEditor = await admin.GetStringAsync("/admin/content/Lesson/new");
        var notJson = await Upload(admin, "这不是 JSON");
        var export = await admin.PostAsync("/admin/recipes", "/admin/recipes/export", [new("types", "Lecturer"), new("includeItems", "true")]);
        var recipe = await export.Content.ReadAsStringAsync();
        var again = await Upload(admin, recipe);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("没有名为 'NoSuchStep' 的步骤", System.Net.WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync())); // recipe errors in Chinese
        Assert.DoesNotContain("班组建设", lessonEditor);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("不是有效的 JSON（第 1 行", await notJson.Content.ReadAsStringAsync());
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var steps = JsonDocument.Parse(recipe).RootElement.GetProperty("Steps");
        Assert.Equal("Lecturer", steps[0].GetProperty("ContentTypes")[0].GetProperty("Name").GetString());
        Assert.Equal(12, steps[1].GetProperty("Items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    private static async Task<HttpResponseMessage> Upload(FormClient client, string json)
    {
        var page = await client.GetStringAsync("/admin/recipes");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(FormClient.Token(page)), "__RequestVerificationToken" },
            { new StringContent(json, System.Text.Encoding.UTF8, "application/json"), "recipe", "test.recipe.json" },
        };
        return await client.Http.PostAsync("/admin/recipes/import", form);
    }
}

public sealed class SqliteGovernanceTests(SiteHost<Sqlite> host) : GovernanceTests<Sqlite>(host);

public sealed class PostgresGovernanceTests(SiteHost<Postgres> host) : GovernanceTests<Postgres>(host);
