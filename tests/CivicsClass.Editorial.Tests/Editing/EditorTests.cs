using System.Net;
using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;
using CivicsClass.Media.Storage;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Editorial.Tests.Editing;

/// <summary>The generated editor: a curated list kept in its order, input it refuses beside the field, a cover from the library, the live preview.</summary>
public abstract class EditorTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
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
    public async Task Editor_BadInput_ExplainsBesideTheFieldAndSavesNothing()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "bad", "Lecturer");
        var lecturer = people["Lecturer"];
        var before = await CountLessonsAsync(factory);

        var longTitle = await Refused(AdminPeople.LessonForm(new string('长', 121), "chang-biaoti", "save"));
        var noLecturer = await Refused(AdminPeople.LessonForm("没有讲师", "meiyou-jiangshi", "save", lecturer: ""));
        var wrongType = await Refused(AdminPeople.LessonForm("讲师选成了场馆", "jiangshi-changguan", "save", lecturer: AdminPeople.VenueId));
        var taken = await Refused(AdminPeople.LessonForm("地址重复", "anyuan-great-strike-1922", "submit"));
        var notANumber = AdminPeople.LessonForm("时长不是数字", "shichang-cuowu", "save");
        notANumber[notANumber.FindIndex(p => p.Key == "F.Duration")] = new("F.Duration", "六分钟");
        var duration = await Refused(notANumber);

        Assert.Contains("标题不能超过 120 个字", longTitle);
        Assert.Contains("请选择“讲师”", noLecturer);
        Assert.Contains("只能选择 讲师 类型的内容", wrongType);
        Assert.Contains("已被占用", taken);
        Assert.Contains("不是数字", duration);
        Assert.Contains("meiyou-jiangshi", noLecturer); // what was typed is kept on the form
        Assert.Equal(before, await CountLessonsAsync(factory));

        async Task<string> Refused(List<KeyValuePair<string, string>> form)
        {
            var response = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}");
            Assert.Contains("没有保存", html);
            return html;
        }
    }

    [SkippableFact]
    public async Task Cover_ChosenFromTheLibrary_IsUsed_AndAFileThatIsNoImageIsRefused()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "cover", "Lecturer"))["Lecturer"];
        var store = factory.Services.GetRequiredService<IMediaStore>();
        var library = await lecturer.Http.GetStringAsync("/admin/media");
        using var upload = new MultipartFormDataContent { { new StringContent(FormClient.Token(library)), "__RequestVerificationToken" }, { new ByteArrayContent(Png), "files", "cover.png" } };
        var uploaded = await lecturer.Http.PostAsync("/admin/media/upload", upload);
        var key = Regex.Match(await lecturer.GetStringAsync("/admin/media"), "/media/([0-9a-f]{32}\\.png)").Groups[1].Value;
        var before = await CountLessonsAsync(factory);

        var editor = await lecturer.GetStringAsync("/admin/content/Lesson/new");
        var chosen = AdminPeople.LessonForm("图库里选的封面", "tuku-fengmian", "save");
        chosen.Add(new("Cover", "/media/" + key));
        var saved = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", chosen);
        var savedEditor = await lecturer.GetStringAsync($"/admin/content/edit/{AdminPeople.IdFromRedirect(saved)}");
        var script = AdminPeople.LessonForm("脚本封面", "jiaoben-fengmian", "save");
        script.Add(new("Cover", "javascript:alert(1)"));
        var refusedUrl = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", script);
        var files = store.Count();
        var executable = await UploadAsync(lecturer, AdminPeople.LessonForm("改名的程序", "gaiming-chengxu", "save"), "cover.png", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains($"value=\"/media/{key}\"", editor);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Matches($"value=\"/media/{key}\" checked", savedEditor);
        Assert.Equal(HttpStatusCode.BadRequest, refusedUrl.StatusCode);
        Assert.Contains("不是 http(s) 地址", await refusedUrl.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, executable.StatusCode);
        Assert.Contains("按内容识别", await executable.Content.ReadAsStringAsync());
        Assert.Equal(files, store.Count());
        Assert.Equal(before + 1, await CountLessonsAsync(factory));
    }

    private static readonly byte[] Png = TestFiles.Png(2, 2);

    private static async Task<HttpResponseMessage> UploadAsync(FormClient client, List<KeyValuePair<string, string>> fields, string fileName, byte[] bytes)
    {
        var page = await client.GetStringAsync("/admin/content/Lesson/new");
        using var form = new MultipartFormDataContent { { new StringContent(FormClient.Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(bytes), "CoverFile", fileName);
        return await client.Http.PostAsync("/admin/content/Lesson/new", form);
    }

    [SkippableFact]
    public async Task Preview_RendersMarkdownWithoutRawHtmlOrScriptLinks()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "preview", "Lecturer");

        var response = await people["Lecturer"].PostAsync("/admin/content/Lesson/new", "/admin/preview",
            new Dictionary<string, string> { ["markdown"] = "## 标题\n\n<script>alert(1)</script> [点我](javascript:alert(1)) **加粗**" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>加粗</strong>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("javascript:", html);
    }

    private static async Task<int> CountLessonsAsync(SiteFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery { ContentType = "Lesson", Latest = true, Take = 1 })).Total;
    }
}

public sealed class SqliteEditorTests(SiteHost<Sqlite> host) : EditorTests<Sqlite>(host);

public sealed class PostgresEditorTests(SiteHost<Postgres> host) : EditorTests<Postgres>(host);
