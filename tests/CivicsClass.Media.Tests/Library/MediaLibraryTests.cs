using System.Net;
using CivicsClass.Media.Library;
using CivicsClass.Media.Storage;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Media.Tests.Library;

public abstract class MediaLibraryTests<TProvider>(MediaSiteHost<TProvider> host) : IClassFixture<MediaSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Upload_EachAllowedType_IsKeptAndServedAsItsKind()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "kinds", "Editor"))["Editor"];
        (string Name, byte[] Bytes, string ContentType)[] files =
        [
            ("kinds-photo.jpg", TestFiles.Jpeg(64, 48), "image/jpeg"),
            ("kinds-map.png", TestFiles.Png(64, 48), "image/png"),
            ("kinds-poster.webp", TestFiles.Webp(64, 48), "image/webp"),
            ("kinds-badge.gif", TestFiles.Gif(), "image/gif"),
            ("kinds-talk.mp3", TestFiles.Mp3(), "audio/mpeg"),
            ("kinds-talk.m4a", TestFiles.M4a(), "audio/mp4"),
            ("kinds-lecture.mp4", TestFiles.Mp4(), "video/mp4"),
            ("kinds-handout.pdf", TestFiles.Pdf(), "application/pdf"),
        ];

        var response = await MediaForms.UploadAsync(editor, files.Select(f => (f.Name, f.Bytes)).ToArray());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var (name, bytes, contentType) in files)
        {
            var file = await FileNamedAsync(factory, name);
            var served = await editor.Http.GetAsync(file.Url);
            Assert.Equal(contentType, file.ContentType);
            Assert.Equal(contentType, served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal(64, (await FileNamedAsync(factory, "kinds-photo.jpg")).Width);
        Assert.Equal("attachment", (await editor.Http.GetAsync((await FileNamedAsync(factory, "kinds-handout.pdf")).Url)).Content.Headers.ContentDisposition?.DispositionType);
    }

    [SkippableFact]
    public async Task Upload_FilesThatAreNotWhatTheySeem_AreRefusedWithAMessageAndNothingIsKept()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "refused", "Editor"))["Editor"];
        var store = factory.Services.GetRequiredService<IMediaStore>();
        var (storedBefore, rowsBefore) = (store.Count(), await RowCountAsync(factory));
        var oversize = TestFiles.Jpeg(32, 32).Concat(new byte[MediaSiteHost<TProvider>.MaxImageBytes]).ToArray();

        var executable = await RefusedAsync(editor, "photo.jpg", TestFiles.Executable());
        var svg = await RefusedAsync(editor, "map.png", TestFiles.SvgWithScript());
        var truncated = await RefusedAsync(editor, "cut.jpg", TestFiles.TruncatedJpeg());
        var bomb = await RefusedAsync(editor, "huge.png", TestFiles.PngHeader(30_000, 30_000));
        var tooLarge = await RefusedAsync(editor, "large.jpg", oversize);

        Assert.Contains("文件内容不是允许的类型（按内容识别，不看扩展名）", executable);
        Assert.Contains("SVG 或 HTML", svg);
        Assert.Contains("图片文件不完整或已损坏", truncated);
        Assert.Contains("图片尺寸过大（30000×30000 像素", bomb);
        Assert.Contains("JPEG 文件最多 2 MB", tooLarge);
        Assert.Equal(storedBefore, store.Count());
        Assert.Equal(rowsBefore, await RowCountAsync(factory));
    }

    [SkippableFact]
    public async Task Delete_FileUsedByALesson_IsRefusedWithTheLesson_AndAnUnusedFileIsDeleted()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "inuse", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("inuse-cover.jpg", TestFiles.Jpeg(320, 180)), ("inuse-spare.jpg", TestFiles.Jpeg(320, 180)));
        var (cover, spare) = (await FileNamedAsync(factory, "inuse-cover.jpg"), await FileNamedAsync(factory, "inuse-spare.jpg"));
        var lesson = AdminPeople.LessonForm("封面在用的课", "fengmian-zaiyong", "save", body: $"![图]({spare.Url}?profile=hero)");
        lesson.Add(new("Cover", cover.Url));
        var id = AdminPeople.IdFromRedirect(await editor.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", lesson));
        var store = factory.Services.GetRequiredService<IMediaStore>();

        var refused = await editor.PostAsync("/admin/media", $"/admin/media/{cover.MediaKey}/delete", new Dictionary<string, string>());
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var inBody = await editor.PostAsync("/admin/media", $"/admin/media/{spare.MediaKey}/delete", new Dictionary<string, string>());
        var edited = AdminPeople.WithVersion(await editor.GetStringAsync($"/admin/content/edit/{id}"), AdminPeople.LessonForm("封面在用的课", "fengmian-zaiyong", "save"));
        await editor.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}", edited);
        var deleted = await editor.PostAsync("/admin/media", $"/admin/media/{spare.MediaKey}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("正在被 1 条内容使用，不能删除", refusedPage);
        Assert.Contains($"href=\"/admin/content/edit/{id}\"", refusedPage);
        Assert.Contains("封面在用的课", refusedPage);
        Assert.Equal(HttpStatusCode.Conflict, inBody.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.True(store.Exists(cover.MediaKey));
        Assert.False(store.Exists(spare.MediaKey));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync(spare.Url)).StatusCode);
    }

    [SkippableFact]
    public async Task Library_FoldersRenameMoveAndSearch_KeepTheFileAtItsAddress()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "folders", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("folders-anyuan.jpg", TestFiles.Jpeg(200, 100)));
        var file = await FileNamedAsync(factory, "folders-anyuan.jpg");

        var created = await editor.PostAsync("/admin/media", "/admin/media/folders", new Dictionary<string, string> { ["name"] = "场馆照片" });
        var folderId = created.Headers.Location!.OriginalString.Split('=')[1];
        var duplicate = await editor.PostAsync("/admin/media", "/admin/media/folders", new Dictionary<string, string> { ["name"] = "场馆照片" });
        await editor.PostAsync("/admin/media", $"/admin/media/{file.MediaKey}/rename", new Dictionary<string, string> { ["name"] = "安源路矿纪念馆外景.jpg" });
        await editor.PostAsync("/admin/media", $"/admin/media/{file.MediaKey}/move", new Dictionary<string, string> { ["folder"] = folderId });
        var inFolder = await editor.GetStringAsync($"/admin/media?folder={folderId}");
        var found = await editor.GetStringAsync("/admin/media?q=" + Uri.EscapeDataString("纪念馆"));
        var wildcard = await editor.GetStringAsync("/admin/media?q=%25");
        var notEmpty = await editor.PostAsync("/admin/media", $"/admin/media/folders/{folderId}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("安源路矿纪念馆外景.jpg", inFolder);
        Assert.Contains(file.Url, found);
        Assert.DoesNotContain(file.Url, wildcard);
        Assert.Equal(HttpStatusCode.BadRequest, notEmpty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.Http.GetAsync(file.Url)).StatusCode);
    }

    [SkippableFact]
    public async Task Library_EachActionChecksPermissionAndToken()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "mediaauth", "Worker", "Lecturer", "Editor");
        await MediaForms.UploadAsync(people["Editor"], ("mediaauth-editor.jpg", TestFiles.Jpeg(40, 40)));
        await MediaForms.UploadAsync(people["Lecturer"], ("mediaauth-lecturer.jpg", TestFiles.Jpeg(40, 40)));
        var (editors, lecturers) = (await FileNamedAsync(factory, "mediaauth-editor.jpg"), await FileNamedAsync(factory, "mediaauth-lecturer.jpg"));

        var worker = await people["Worker"].Http.GetAsync("/admin/media");
        var lecturerPage = await people["Lecturer"].GetStringAsync("/admin/media");
        var lecturerDeletes = await people["Lecturer"].PostAsync("/admin/media", $"/admin/media/{editors.MediaKey}/delete", new Dictionary<string, string>());
        var lecturerFolder = await people["Lecturer"].PostAsync("/admin/media", "/admin/media/folders", new Dictionary<string, string> { ["name"] = "讲师的" });
        var lecturerRenamesOwn = await people["Lecturer"].PostAsync("/admin/media", $"/admin/media/{lecturers.MediaKey}/rename", new Dictionary<string, string> { ["name"] = "我的.jpg" });
        var noToken = await people["Editor"].PostWithoutTokenAsync($"/admin/media/{editors.MediaKey}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, worker.StatusCode);
        Assert.Contains(lecturers.Url, lecturerPage);
        Assert.DoesNotContain(editors.Url, lecturerPage);
        Assert.Equal(HttpStatusCode.Forbidden, lecturerDeletes.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lecturerFolder.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, lecturerRenamesOwn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.True(factory.Services.GetRequiredService<IMediaStore>().Exists(editors.MediaKey));
    }

    [SkippableFact]
    public async Task Picker_OffersFilesOfTheAskedKind_AndALessonsVideoFromTheLibraryIsProtected()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "picker", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("picker-lecture.mp4", TestFiles.Mp4()), ("picker-still.jpg", TestFiles.Jpeg(64, 64)));
        var (video, still) = (await FileNamedAsync(factory, "picker-lecture.mp4"), await FileNamedAsync(factory, "picker-still.jpg"));

        var videos = await editor.GetStringAsync("/admin/media/picker?target=VideoUrl&kind=video&q=picker");
        var images = await editor.GetStringAsync("/admin/media/picker?target=Cover&q=picker");
        var hostile = await editor.GetStringAsync("/admin/media/picker?target=%22%3E%3Cscript%3E&q=picker");
        var lesson = AdminPeople.LessonForm("库里的讲座录像", "kuli-jiangzuo-luxiang", "save");
        lesson.Add(new("VideoUrl", video.Url));
        var saved = await editor.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", lesson);
        var refused = await editor.PostAsync("/admin/media", $"/admin/media/{video.MediaKey}/delete", new Dictionary<string, string>());

        Assert.Contains($"data-pick=\"{video.Url}\" data-target=\"VideoUrl\"", videos);
        Assert.DoesNotContain(still.Url, videos);
        Assert.Contains($"data-pick=\"{still.Url}\" data-target=\"Cover\"", images);
        Assert.DoesNotContain(video.Url, images);
        Assert.DoesNotContain("<script>", hostile);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("库里的讲座录像", await refused.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task StoredFileFromBeforeTheLibrary_IsAdoptedWithItsSize()
    {
        var factory = await host.GetAsync();
        var store = factory.Services.GetRequiredService<IMediaStore>();
        var key = await store.SaveAsync(new MemoryStream(TestFiles.Jpeg(300, 200)), ".jpg");

        var added = await factory.Services.GetRequiredService<LibraryAdoption>().AdoptAsync();
        var again = await factory.Services.GetRequiredService<LibraryAdoption>().AdoptAsync();
        var file = await FileNamedAsync(factory, key);

        Assert.True(added >= 1);
        Assert.Equal(0, again);
        Assert.Equal((300, 200), (file.Width, file.Height));
        Assert.Equal("image/jpeg", file.ContentType);
    }

    private static async Task<string> RefusedAsync(FormClient client, string name, byte[] bytes)
    {
        var response = await MediaForms.UploadAsync(client, (name, bytes));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: expected 400, got {(int)response.StatusCode}");
        return page;
    }

    internal static async Task<MediaFile> FileNamedAsync(SiteFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (files, _) = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().ListAsync(new MediaFilter(Query: name));
        return Assert.Single(files, f => f.Name == name);
    }

    private static async Task<int> RowCountAsync(SiteFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MediaLibrary>().ListAsync(new MediaFilter(Take: 1))).Total;
    }
}

public sealed class SqliteMediaLibraryTests(MediaSiteHost<Sqlite> host) : MediaLibraryTests<Sqlite>(host);

public sealed class PostgresMediaLibraryTests(MediaSiteHost<Postgres> host) : MediaLibraryTests<Postgres>(host);
