using CivicsClass.Content.Fields;
using CivicsClass.Content.Handlers;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Content.Tests.Items;

public abstract class ContentValidationTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Create_OverlongTitle_IsRefusedWithLengthsAndNothingSaved()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l => l.Apply(new TitlePart { Title = new string('工', 121) }));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("TitlePart.Title", error.Member);
        Assert.Equal("标题不能超过 120 个字（现在是 121 个）。", error.Message);
        await AssertNoLessonsAsync(site);
    }

    [SkippableFact]
    public async Task Create_MissingRequiredFields_NamesEachField()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l =>
        {
            l.SetField("Lecturer", new ContentPickerField());
            l.SetField("Duration", new NumericField());
        });

        Assert.Contains(exception.Errors, e => e.Member == "Lesson.Lecturer" && e.Message == "请选择“讲师”。");
        Assert.Contains(exception.Errors, e => e.Member == "Lesson.Duration" && e.Message == "“时长（分钟）”不能为空。");
        await AssertNoLessonsAsync(site);
    }

    [SkippableFact]
    public async Task Create_PickerPointingAtWrongType_SaysWhatIsAllowed()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        var other = await ContentSite.CreateLessonAsync(site, "另一课", "lingyi", lecturer.ContentItemId);

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l => l.SetField("Lecturer", new ContentPickerField { ContentItemIds = [other.ContentItemId] }));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("“讲师”只能选择 讲师 类型的内容，《另一课》是 课程。", error.Message);
    }

    [SkippableFact]
    public async Task Create_TermFromAnotherTaxonomy_IsRefused()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");

        var exception = await RefusedAsync(site, lecturer.ContentItemId,
            l => l.SetField("Themes", new TaxonomyField { TermIds = [ContentSite.Term("Region", "北京市")] }));

        Assert.Contains("不是分类“Theme”里的词条", Assert.Single(exception.Errors).Message);
    }

    [SkippableFact]
    public async Task Create_OptionOutsideTheList_IsRefused()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l => l.SetField("Format", new TextField { Text = "直播" }));

        Assert.Equal("“形式”只能是 图文、视频、音频、长图 之一，不能是“直播”。", Assert.Single(exception.Errors).Message);
    }

    [SkippableFact]
    public async Task Create_CollidingSlug_SaysOnlyThatTheAddressIsTaken()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");
        await ContentSite.CreateLessonAsync(site, "先来的课", "tongming", lecturer.ContentItemId);

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l => l.Apply(new AutoroutePart { Path = "lessons/tongming" }));

        Assert.Equal("地址“lessons/tongming”已被占用，请换一个。", Assert.Single(exception.Errors).Message);
        Assert.DoesNotContain("先来的课", exception.Errors[0].Message);
        Assert.Equal(1, (await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContentType = "Lesson", Latest = true }))).Total);
    }

    [SkippableTheory]
    [InlineData("lecturers/wang2")]
    [InlineData("lessons/a/b")]
    [InlineData("lessons/")]
    [InlineData("anyuan")]
    public async Task Create_AddressOutsideItsTypesSection_IsRefused(string path)
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l => l.Apply(new AutoroutePart { Path = path }));

        Assert.Equal("AutoroutePart.Path", Assert.Single(exception.Errors).Member);
        Assert.Contains("“lessons/”", exception.Errors[0].Message);
    }

    [SkippableFact]
    public async Task Create_QuizAnswerOutOfRange_IsRefused()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l => l.Apply(new QuizPart
        {
            Questions = [new QuizQuestion { Question = "哪一年？", Options = ["1922", "1925"], Answer = 2 }],
        }));

        Assert.Equal("第 1 题的正确答案必须是第 1 到第 2 个选项之一。", Assert.Single(exception.Errors).Message);
    }

    [SkippableFact]
    public async Task Handler_ValidationError_IsReportedLikeBuiltInOnes()
    {
        await using var site = await TestSiteWithHandlerAsync();
        var lecturer = await ContentSite.CreateLecturerAsync(site, "wang");

        var exception = await RefusedAsync(site, lecturer.ContentItemId, l => l.Apply(new TitlePart { Title = "禁用词" }));

        Assert.Equal("标题含有不允许的词。", Assert.Single(exception.Errors).Message);
    }

    private static async Task<TestSite> TestSiteWithHandlerAsync()
    {
        var site = await TestSite.CreateAsync(new TProvider(), services =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<IContentHandler, BannedWordHandler>(services));
        await using var scope = site.CreateScope();
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<CivicsClass.Content.Recipes.RecipeExecutor>(scope.ServiceProvider).ExecuteFileAsync(RepositoryPaths.Recipe);
        return site;
    }

    private static async Task<ContentValidationException> RefusedAsync(TestSite site, string lecturerId, Action<ContentItem> spoil) =>
        await Assert.ThrowsAsync<ContentValidationException>(() => ContentSite.WithManagerAsync(site, async m =>
        {
            var lesson = await ContentSite.NewLessonAsync(m, "一节课", "yijieke", lecturerId);
            spoil(lesson);
            return await m.CreateAsync(lesson, publish: true);
        }));

    private static async Task AssertNoLessonsAsync(TestSite site) =>
        Assert.Equal(0, (await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContentType = "Lesson", Latest = true }))).Total);

    private sealed class BannedWordHandler : IContentHandler
    {
        public Task ValidatingAsync(ValidateContentContext context)
        {
            if (context.ContentItem.DisplayText.Contains("禁用词"))
            {
                context.Result.Fail("TitlePart.Title", "标题含有不允许的词。");
            }

            return Task.CompletedTask;
        }
    }
}

public sealed class SqliteContentValidationTests : ContentValidationTests<Sqlite>;

public sealed class PostgresContentValidationTests : ContentValidationTests<Postgres>;
