using System.Net;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Editorial.Tests.Types;

/// <summary>A type created in the admin gets an editor, pages, search, the sitemap and the API without code.</summary>
public abstract class ContentTypeCreationTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Administrator_CreatesAType_AndItsPublishedItemHasAPage_IsFound_AndIsListed()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "newtype", "Administrator"))["Administrator"];

        var created = await CreateAsync(admin, "Reading", "读书笔记", "readings", "AutoroutePart", "SummaryPart", "MarkdownBodyPart");
        await AddFieldAsync(admin, "Reading", "Book", "书名", "TextField");
        await AddFieldAsync(admin, "Reading", "Pages", "页数", "NumericField");
        await AddFieldAsync(admin, "Reading", "Recommended", "推荐阅读", "BooleanField");
        var moved = await admin.PostAsync("/admin/types", "/admin/types/Reading/fields/Pages/move", new Dictionary<string, string> { ["direction"] = "up" });
        var types = await admin.GetStringAsync("/admin/types");
        var editor = await admin.GetStringAsync("/admin/content/Reading/new");
        var published = await admin.PostAsync("/admin/content/Reading/new", "/admin/content/Reading/new", new Dictionary<string, string>
        {
            ["Title"] = "读路遥的平凡世界", ["Slug"] = "pingfan-shijie", ["Summary"] = "一位焊工的读书笔记。", ["Markdown"] = "孙少平在煤矿里读书，**劳动**也是尊严。",
            ["F.Book"] = "平凡的世界", ["F.Pages"] = "1200", ["F.Recommended"] = "true", ["command"] = "publish",
        });
        var anonymous = FormClient.For(factory);
        var page = await anonymous.Http.GetAsync("/readings/pingfan-shijie");
        var html = await page.Content.ReadAsStringAsync();
        var search = await anonymous.GetStringAsync("/search?q=" + Uri.EscapeDataString("平凡世界"));
        var api = await anonymous.GetStringAsync("/api/v1/content/Reading");
        var sitemap = await anonymous.GetStringAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("读书笔记", types);
        Assert.Contains("网址、摘要、正文", types); // parts by their Chinese names
        Assert.Contains("name=\"F.Book\"", editor);
        Assert.True(editor.IndexOf("name=\"F.Pages\"", StringComparison.Ordinal) < editor.IndexOf("name=\"F.Book\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>读路遥的平凡世界</h1>", html);
        Assert.Contains("<dt>书名</dt>", html);
        Assert.Contains("平凡的世界", html);
        Assert.Contains("<dt>推荐阅读</dt>", html);
        Assert.Contains("<strong>劳动</strong>", html);
        Assert.True(html.IndexOf("<dt>页数</dt>", StringComparison.Ordinal) < html.IndexOf("<dt>书名</dt>", StringComparison.Ordinal)); // fields in the chosen order
        Assert.Contains("/readings/pingfan-shijie", search);
        Assert.Contains("读路遥的平凡世界", api);
        Assert.Contains("/readings/pingfan-shijie", sitemap);
    }

    [SkippableFact]
    public async Task RemovingAFieldInUse_IsRefusedWithTheReason_AndAnUnusedFieldGoes()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "fields", "Administrator"))["Administrator"];
        await CreateAsync(admin, "Notice", "通知", "notices", "AutoroutePart", "MarkdownBodyPart");
        await AddFieldAsync(admin, "Notice", "Issuer", "发文单位", "TextField");
        await AddFieldAsync(admin, "Notice", "Unused", "备用", "TextField");
        await admin.PostAsync("/admin/content/Notice/new", "/admin/content/Notice/new", new Dictionary<string, string>
        {
            ["Title"] = "关于开展劳动竞赛的通知", ["Markdown"] = "各基层工会：", ["F.Issuer"] = "市总工会", ["command"] = "save",
        });

        var refused = await admin.PostAsync("/admin/types", "/admin/types/Notice/fields/Issuer/delete", new Dictionary<string, string>());
        var removed = await admin.PostAsync("/admin/types", "/admin/types/Notice/fields/Unused/delete", new Dictionary<string, string>());
        var top = await admin.PostAsync("/admin/types", "/admin/types/Notice/fields/Issuer/move", new Dictionary<string, string> { ["direction"] = "up" });
        var missing = await admin.PostAsync("/admin/types", "/admin/types/Notice/fields/Nothing/delete", new Dictionary<string, string>());
        var editor = await admin.GetStringAsync("/admin/content/Notice/new");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("有 1 条内容在用它（例如《关于开展劳动竞赛的通知》）", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, top.StatusCode);
        Assert.Contains("这个字段已经在最前面", await top.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("name=\"F.Issuer\"", editor);
        Assert.DoesNotContain("name=\"F.Unused\"", editor);
    }

    [SkippableFact]
    public async Task ATypeWithABadName_OrAnAddressTheSiteOwns_IsRefused_AndNothingIsCreated()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "badtype", "Administrator"))["Administrator"];

        var badName = await CreateAsync(admin, "1课程", "", "x", "AutoroutePart");
        var taken = await CreateAsync(admin, "lesson", "课程二", "lessons2", "AutoroutePart");
        var siteAddress = await CreateAsync(admin, "Panel", "面板", "admin", "AutoroutePart");
        var typeAddress = await CreateAsync(admin, "Lectures", "讲座", "lecturers", "AutoroutePart");
        var noPrefix = await CreateAsync(admin, "Memo", "备忘", "", "AutoroutePart");
        var unknownPart = await CreateAsync(admin, "Poll", "投票", "", "QuizPart");
        var types = await admin.GetStringAsync("/admin/types");

        Assert.All([badName, taken, siteAddress, typeAddress, noPrefix, unknownPart], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("类型名应以英文字母开头", await badName.Content.ReadAsStringAsync());
        Assert.Contains("请填写 1 到 40 个字的显示名称", await badName.Content.ReadAsStringAsync());
        Assert.Contains("已经有名为 lesson 的内容类型", await taken.Content.ReadAsStringAsync());
        Assert.Contains("/admin/ 是网站自己的地址", await siteAddress.Content.ReadAsStringAsync());
        Assert.Contains("lecturers", await typeAddress.Content.ReadAsStringAsync());
        Assert.Contains("网址前缀应以小写英文字母开头", await noPrefix.Content.ReadAsStringAsync());
        Assert.Contains("没有名为 QuizPart 的部件可选", await unknownPart.Content.ReadAsStringAsync());
        Assert.DoesNotContain("面板", types);
        Assert.DoesNotContain("投票", types);
    }

    [SkippableFact]
    public async Task OnlyAdministratorsCreateTypes()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "notadmin", "Editor"))["Editor"];

        var refused = await editor.PostAsync("/admin", "/admin/types", new Dictionary<string, string> { ["name"] = "Sneaky", ["displayName"] = "偷建" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
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

    private static Task<HttpResponseMessage> CreateAsync(FormClient admin, string name, string displayName, string prefix, params string[] parts) =>
        admin.PostAsync("/admin/types", "/admin/types",
            [new("name", name), new("displayName", displayName), new("prefix", prefix), .. parts.Select(p => new KeyValuePair<string, string>("parts", p))]);

    private static async Task AddFieldAsync(FormClient admin, string type, string name, string displayName, string kind)
    {
        var added = await admin.PostAsync("/admin/types", $"/admin/types/{type}/fields",
            new Dictionary<string, string> { ["name"] = name, ["displayName"] = displayName, ["kind"] = kind });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }
}

public sealed class SqliteContentTypeCreationTests(SiteHost<Sqlite> host) : ContentTypeCreationTests<Sqlite>(host);

public sealed class PostgresContentTypeCreationTests(SiteHost<Postgres> host) : ContentTypeCreationTests<Postgres>(host);
