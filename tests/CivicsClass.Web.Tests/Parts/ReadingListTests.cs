using System.Net;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using CivicsClass.Web.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Parts;

/// <summary>延伸阅读 on a lesson: written in the editor one link a line, checked, shown as safe outside links, and searched by title.</summary>
public abstract class ReadingListTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task LessonEditor_Links_AreSavedAndShownAgainOneALine()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "reading-saved", "Lecturer"))["Lecturer"];
        var form = AdminPeople.LessonForm("带延伸阅读的一课", "yanshen-yuedu-baocun", "save");
        form.Add(new("ReadingList", "安源路矿工人俱乐部史料 | https://example.cn/anyuan | 纪念馆藏\r\n全国总工会简介|http://example.org/acftu"));

        var saved = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
        var id = AdminPeople.IdFromRedirect(saved);
        var links = (await LatestAsync(factory, "lessons/yanshen-yuedu-baocun"))!.Part<ReadingListPart>().Links;
        var editor = await lecturer.GetStringAsync($"/admin/content/edit/{id}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new[] { "安源路矿工人俱乐部史料", "全国总工会简介" }, links.Select(l => l.Title));
        Assert.Equal(new[] { "https://example.cn/anyuan", "http://example.org/acftu" }, links.Select(l => l.Url));
        Assert.Equal(new string?[] { "纪念馆藏", null }, links.Select(l => l.Note));
        Assert.Contains("name=\"ReadingList\"", editor);
        Assert.Contains("安源路矿工人俱乐部史料 | https://example.cn/anyuan | 纪念馆藏\n全国总工会简介 | http://example.org/acftu</textarea>", WebUtility.HtmlDecode(editor));
    }

    [SkippableFact]
    public async Task LessonEditor_JavascriptLink_IsRefusedInChinese_AndNothingIsSaved()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "reading-script", "Lecturer"))["Lecturer"];
        var form = AdminPeople.LessonForm("带坏链接的一课", "yanshen-yuedu-jiaoben", "save");
        form.Add(new("ReadingList", "正常的链接 | https://example.cn/ok\n点我 | javascript:alert(document.cookie)"));

        var refused = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("延伸阅读第 2 条的地址“javascript:alert(document.cookie)”不是 http 或 https 网址。", html);
        Assert.Contains("点我 | javascript:alert(document.cookie)</textarea>", html);
        Assert.Null(await LatestAsync(factory, "lessons/yanshen-yuedu-jiaoben"));
    }

    [SkippableFact]
    public async Task LessonEditor_ElevenLinks_AreRefusedInChinese_AndNothingIsSaved()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "reading-many", "Lecturer"))["Lecturer"];
        var form = AdminPeople.LessonForm("链接太多的一课", "yanshen-yuedu-taiduo", "save");
        form.Add(new("ReadingList", string.Join('\n', Enumerable.Range(1, 11).Select(n => $"第{n}篇 | https://example.cn/{n}"))));

        var refused = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("延伸阅读最多 10 条链接（现在是 11 条）。", html);
        Assert.Null(await LatestAsync(factory, "lessons/yanshen-yuedu-taiduo"));
    }

    [SkippableFact]
    public async Task LessonEditor_LineWithoutAddressOrWithLongTitle_IsRefusedInChinese()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "reading-shape", "Lecturer"))["Lecturer"];
        var form = AdminPeople.LessonForm("链接缺地址的一课", "yanshen-yuedu-quedizhi", "save");
        form.Add(new("ReadingList", "只有标题没有地址\n" + new string('长', 61) + " | https://example.cn/long"));

        var refused = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("延伸阅读第 1 条缺少地址", html);
        Assert.Contains("延伸阅读第 2 条的标题不能超过 60 个字（现在是 61 个）。", html);
        Assert.Null(await LatestAsync(factory, "lessons/yanshen-yuedu-quedizhi"));
    }

    [SkippableFact]
    public async Task LessonPage_ReadingList_IsEscapedAndOpensOutsideLinksSafely()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "reading-page", "Editor"))["Editor"];
        using var client = await host.ClientAsync();
        var form = AdminPeople.LessonForm("延伸阅读展示课", "yanshen-yuedu-zhanshi", "publish");
        form.Add(new("ReadingList", "<script>alert(1)</script>工运史 | https://example.cn/history?a=1&b=2 | <b>馆藏</b>说明"));

        var saved = await editor.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
        var page = await client.GetStringAsync("/lessons/yanshen-yuedu-zhanshi");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<h2>延伸阅读</h2>", page);
        Assert.Contains("<a href=\"https://example.cn/history?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">&lt;script&gt;alert(1)&lt;/script&gt;工运史</a>", page);
        Assert.Contains("<span class=\"part-link-note\">&lt;b&gt;馆藏&lt;/b&gt;说明</span>", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);
    }

    [SkippableFact]
    public async Task Search_ReadingLinkTitle_FindsTheLesson()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "reading-search", "Editor"))["Editor"];
        using var client = await host.ClientAsync();
        var form = AdminPeople.LessonForm("一节普通的课", "yanshen-yuedu-sousuo", "publish");
        form.Add(new("ReadingList", "萍乡煤矿罢工档案汇编 | https://example.cn/pingxiang"));

        var saved = await editor.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
        await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(20));
        var found = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("萍乡煤矿罢工档案汇编"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("href=\"/lessons/yanshen-yuedu-sousuo\"", found);
    }

    private static async Task<ContentItem?> LatestAsync(SiteFactory factory, string path)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync(path, VersionOptions.Latest);
    }
}

public sealed class SqliteReadingListTests(SiteHost<Sqlite> host) : ReadingListTests<Sqlite>(host);

public sealed class PostgresReadingListTests(SiteHost<Postgres> host) : ReadingListTests<Postgres>(host);
