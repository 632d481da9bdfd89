using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Content.Tests.Items;

public abstract class ContentManagerTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Create_Draft_IsNotPublishedUntilPublished()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var lesson = await ContentSite.CreateLessonAsync(site, "工匠精神", "gongjiang", lecturer.ContentItemId, publish: false);

        var beforePublish = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId));
        var draft = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId, VersionOptions.Latest));
        var draftStatus = draft!.Status;
        await ContentSite.WithManagerAsync(site, async m => { await m.PublishAsync(draft!); return 0; });
        var published = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId));

        Assert.Null(beforePublish);
        Assert.Equal(ContentStatus.Draft, draftStatus);
        Assert.Equal("工匠精神", published!.DisplayText);
        Assert.Equal(ContentStatus.Published, published.Status);
        Assert.NotNull(published.PublishedUtc);
    }

    [SkippableFact]
    public async Task Update_PublishedItem_MakesDraftVersionAndKeepsPublishedOneUntilPublish()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var lesson = await ContentSite.CreateLessonAsync(site, "第一版", "banben", lecturer.ContentItemId);

        var draft = await ContentSite.WithManagerAsync(site, async m =>
        {
            var latest = (await m.GetAsync(lesson.ContentItemId, VersionOptions.Latest))!;
            latest.Apply(new TitlePart { Title = "第二版" });
            return await m.UpdateAsync(latest);
        });
        var whileDrafted = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId));
        await ContentSite.WithManagerAsync(site, async m => { await m.PublishAsync((await m.GetAsync(lesson.ContentItemId, VersionOptions.Latest))!); return 0; });
        var afterPublish = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId));
        var versions = await ContentSite.WithManagerAsync(site, m => m.GetVersionsAsync(lesson.ContentItemId));

        Assert.Equal(2, draft.Number);
        Assert.Equal("第一版", whileDrafted!.DisplayText);
        Assert.Equal("第二版", afterPublish!.DisplayText);
        Assert.Equal(["第一版", "第二版"], versions.Select(v => v.DisplayText));
        Assert.Equal([false, true], versions.Select(v => v.Published));
        Assert.Equal([false, true], versions.Select(v => v.Latest));
    }

    [SkippableFact]
    public async Task GetAsync_ByVersionId_ReturnsThatVersionFromHistory()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var lesson = await ContentSite.CreateLessonAsync(site, "旧标题", "lishi", lecturer.ContentItemId);
        await ContentSite.WithManagerAsync(site, async m =>
        {
            var latest = (await m.GetAsync(lesson.ContentItemId, VersionOptions.Latest))!;
            latest.Apply(new TitlePart { Title = "新标题" });
            await m.PublishAsync(await m.UpdateAsync(latest));
            return 0;
        });

        var old = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId, VersionOptions.Version(lesson.ContentItemVersionId)));

        Assert.Equal("旧标题", old!.DisplayText);
        Assert.False(old.Published);
    }

    [SkippableFact]
    public async Task Unpublish_TakesItemOffTheSiteAndKeepsItsVersions()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var lesson = await ContentSite.CreateLessonAsync(site, "下线", "xiaxian", lecturer.ContentItemId);

        await ContentSite.WithManagerAsync(site, async m => { await m.UnpublishAsync(lesson.ContentItemId); return 0; });
        var published = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId));
        var latest = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId, VersionOptions.Latest));
        var page = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContentType = "Lesson" }));

        Assert.Null(published);
        Assert.Equal(ContentStatus.Draft, latest!.Status);
        Assert.Equal(0, page.Total);
        Assert.Single(await ContentSite.WithManagerAsync(site, m => m.GetVersionsAsync(lesson.ContentItemId)));
    }

    [SkippableFact]
    public async Task Archive_And_Remove_HideTheItemButKeepHistory()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var archived = await ContentSite.CreateLessonAsync(site, "归档", "guidang", lecturer.ContentItemId);
        var removed = await ContentSite.CreateLessonAsync(site, "删除", "shanchu", lecturer.ContentItemId);

        await ContentSite.WithManagerAsync(site, async m =>
        {
            await m.ArchiveAsync(archived.ContentItemId);
            await m.RemoveAsync(removed.ContentItemId);
            return 0;
        });

        var archivedLatest = await ContentSite.WithManagerAsync(site, m => m.GetAsync(archived.ContentItemId, VersionOptions.Latest));
        Assert.Equal(ContentStatus.Archived, archivedLatest!.Status);
        Assert.Null(await ContentSite.WithManagerAsync(site, m => m.GetAsync(removed.ContentItemId, VersionOptions.Latest)));
        Assert.Single(await ContentSite.WithManagerAsync(site, m => m.GetVersionsAsync(removed.ContentItemId)));
        Assert.Equal(0, (await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContentType = "Lesson" }))).Total);
    }

    [SkippableFact]
    public async Task Update_FromStaleRead_IsRefusedAndFirstEditKept()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var lesson = await ContentSite.CreateLessonAsync(site, "原稿", "yuangao", lecturer.ContentItemId);
        var editorA = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId, VersionOptions.Latest));
        var editorB = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId, VersionOptions.Latest));

        editorA!.Apply(new TitlePart { Title = "编辑甲的修改" });
        await ContentSite.WithManagerAsync(site, m => m.UpdateAsync(editorA));
        editorB!.Apply(new TitlePart { Title = "编辑乙的修改" });
        await Assert.ThrowsAsync<ConcurrencyException>(() => ContentSite.WithManagerAsync(site, m => m.UpdateAsync(editorB)));

        var latest = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId, VersionOptions.Latest));
        Assert.Equal("编辑甲的修改", latest!.DisplayText);
        Assert.Equal(2, (await ContentSite.WithManagerAsync(site, m => m.GetVersionsAsync(lesson.ContentItemId))).Count);
    }

    [SkippableFact]
    public async Task Query_ByTypeTermOwnerStatusAndContainer_Narrows()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var a = await ContentSite.CreateLessonAsync(site, "甲", "jia", lecturer.ContentItemId, true, "劳模精神", "工匠精神");
        var b = await ContentSite.CreateLessonAsync(site, "乙", "yi", lecturer.ContentItemId, true, "工匠精神");
        var c = await ContentSite.CreateLessonAsync(site, "丙", "bing", lecturer.ContentItemId, false, "劳模精神");
        await ContentSite.WithManagerAsync(site, async m =>
        {
            var course = await m.NewAsync("Course");
            course.Apply(new TitlePart { Title = "系列课" });
            course.Apply(new AutoroutePart { Path = "courses/xilie" });
            course.Apply(new ListPart { ContentItemIds = [b.ContentItemId, a.ContentItemId] });
            course.Owner = "editor-1";
            return await m.CreateAsync(course, publish: true);
        });

        var laomo = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContentType = "Lesson", TermIds = [ContentSite.Term("Theme", "劳模精神")] }));
        var both = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { TermIds = [ContentSite.Term("Theme", "劳模精神"), ContentSite.Term("Theme", "工匠精神")] }));
        var drafts = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContentType = "Lesson", Latest = true, Status = ContentStatus.Draft }));
        var owned = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { Owner = "editor-1" }));
        var course = owned.Items.Single();
        var children = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContainerId = course.ContentItemId, OrderBy = ContentOrder.ContainerPosition }));
        var byLecturer = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ReferencedId = lecturer.ContentItemId, ReferenceField = "Lecturer", OrderBy = ContentOrder.TitleAscending }));

        Assert.Equal(["甲"], laomo.Items.Select(i => i.DisplayText));
        Assert.Equal(["甲"], both.Items.Select(i => i.DisplayText));
        Assert.Equal([c.ContentItemId], drafts.Items.Select(i => i.ContentItemId));
        Assert.Equal(["乙", "甲"], children.Items.Select(i => i.DisplayText));
        Assert.Equal(2, byLecturer.Total);
    }

    [SkippableFact]
    public async Task SubmitForReview_PublishedVersion_IsRefused()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var lesson = await ContentSite.CreateLessonAsync(site, "已发布", "yifabu", lecturer.ContentItemId);

        var exception = await Assert.ThrowsAsync<ContentValidationException>(() =>
            ContentSite.WithManagerAsync(site, async m => { await m.SubmitForReviewAsync(lesson.ContentItemId); return 0; }));

        Assert.Contains("已经发布", exception.Errors.Single().Message);
    }

    [SkippableFact]
    public async Task Handler_WhoseSqlFails_DoesNotLoseTheContentChange()
    {
        await using var site = await TestSite.CreateAsync(new TProvider(), services =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<Handlers.IContentHandler, BrokenSqlHandler>(services));
        await using (var scope = site.CreateScope())
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<CivicsClass.Content.Recipes.RecipeExecutor>(scope.ServiceProvider).ExecuteFileAsync(RepositoryPaths.Recipe);
        }

        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var lesson = await ContentSite.CreateLessonAsync(site, "照常发布", "zhaochang", lecturer.ContentItemId);

        var published = await ContentSite.WithManagerAsync(site, m => m.GetAsync(lesson.ContentItemId));
        Assert.Equal("照常发布", published!.DisplayText);
    }

    private sealed class BrokenSqlHandler : Handlers.IContentHandler
    {
        public async Task PublishedAsync(Handlers.ContentContext context)
        {
            var (connection, transaction) = await context.Session.BeginWriteAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO no_such_table (x) VALUES (1)", transaction: transaction);
        }
    }

    [SkippableFact]
    public async Task Query_Paging_ReturnsTotalAndPage()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        for (var i = 0; i < 5; i++)
        {
            await ContentSite.CreateLessonAsync(site, $"课{i}", $"ke-{i}", lecturer.ContentItemId);
        }

        var page = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContentType = "Lesson", OrderBy = ContentOrder.TitleAscending, Skip = 2, Take = 2 }));

        Assert.Equal(5, page.Total);
        Assert.Equal(["课2", "课3"], page.Items.Select(i => i.DisplayText));
    }
}

public sealed class SqliteContentManagerTests : ContentManagerTests<Sqlite>;

public sealed class PostgresContentManagerTests : ContentManagerTests<Postgres>;
