using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Seeds;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Content.Tests.Seeds;

public abstract class SeedImporterTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Import_RepositorySeeds_ImportsEveryFileWithItsReferences()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());

        var report = await site.Services.GetRequiredService<SeedImporter>().ImportAsync(RepositoryPaths.Seeds);

        Assert.Empty(report.Errors);
        Assert.Equal(30, report.Imported["Lesson"]);
        Assert.Equal(4, report.Imported["Course"]);
        Assert.Equal(12, report.Imported["Lecturer"]);
        Assert.Equal(10, report.Imported["Venue"]);
        Assert.Equal(6, report.Imported["Topic"]);
        Assert.Equal(4, report.Imported["Event"]);
        var anyuan = await ContentSite.WithManagerAsync(site, m => m.GetByPathAsync("lessons/anyuan-great-strike-1922"));
        Assert.NotNull(anyuan);
        Assert.InRange(anyuan.Part<QuizPart>().Questions.Count, 3, 5);
        var lecturer = await ContentSite.WithManagerAsync(site, m => m.GetAsync(anyuan.Field<ContentPickerField>("Lecturer")!.ContentItemIds.Single()));
        Assert.Equal("Lecturer", lecturer!.ContentType);
        var course = await ContentSite.WithManagerAsync(site, m => m.GetByPathAsync("courses/gongyun-bainian"));
        var lessons = await ContentSite.WithManagerAsync(site, m => m.QueryAsync(new ContentQuery { ContainerId = course!.ContentItemId, OrderBy = ContentOrder.ContainerPosition }));
        Assert.Equal(course!.Part<ListPart>().ContentItemIds, lessons.Items.Select(l => l.ContentItemId));
    }

    [SkippableFact]
    public async Task Import_Twice_ChangesNothingTheSecondTime()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var importer = site.Services.GetRequiredService<SeedImporter>();
        await importer.ImportAsync(RepositoryPaths.Seeds);

        var second = await importer.ImportAsync(RepositoryPaths.Seeds);

        Assert.Equal(0, second.ImportedCount);
        Assert.Equal(67, second.UnchangedCount);
        var anyuan = await ContentSite.WithManagerAsync(site, m => m.GetByPathAsync("lessons/anyuan-great-strike-1922"));
        Assert.Single(await ContentSite.WithManagerAsync(site, m => m.GetVersionsAsync(anyuan!.ContentItemId)));
    }

    [SkippableFact]
    public async Task Import_ChangedFile_AddsAPublishedVersion()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        using var folder = new SeedFolder();
        folder.Write("lecturers/li.md", Lecturer("li", "李示例"));
        var importer = site.Services.GetRequiredService<SeedImporter>();
        await importer.ImportAsync(folder.Path);

        folder.Write("lecturers/li.md", Lecturer("li", "李示例（修订）"));
        var report = await importer.ImportAsync(folder.Path);

        Assert.Equal(1, report.ImportedCount);
        var item = await ContentSite.WithManagerAsync(site, m => m.GetByPathAsync("lecturers/li"));
        Assert.Equal("李示例（修订）", item!.DisplayText);
        Assert.Equal(2, item.Number);
    }

    [SkippableFact]
    public async Task Import_BrokenFiles_ReportsPathAndLineAndImportsTheRest()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        using var folder = new SeedFolder();
        folder.Write("lecturers/good.md", Lecturer("good", "好讲师"));
        folder.Write("lecturers/bad-yaml.md", "---\ntype: Lecturer\nslug: bad\ntitle: \"未闭合\n---\n正文\n");
        folder.Write("lecturers/bad-term.md", "---\ntype: Lecturer\nslug: bad-term\ntitle: 某人\ncategory: 宇航员\n---\n正文\n");
        folder.Write("lecturers/bad-key.md", "---\ntype: Lecturer\nslug: bad-key\ntitle: 某人\ncategory: 劳动模范\nshoesize: 42\n---\n正文\n");
        folder.Write("lessons/bad-ref.md", "---\ntype: Lesson\nslug: bad-ref\ntitle: 一课\nlecturer: nobody\nthemes: [劳模精神]\nformat: 图文\nduration: 5\n---\n正文\n");
        folder.Write("notes/no-front-matter.md", "只是笔记。\n");

        var report = await site.Services.GetRequiredService<SeedImporter>().ImportAsync(folder.Path);

        Assert.Equal(1, report.ImportedCount);
        var errors = report.Errors.ToDictionary(e => System.IO.Path.GetFileName(e.Path));
        Assert.Equal(5, errors.Count);
        Assert.Contains("YAML", errors["bad-yaml.md"].Message);
        Assert.Equal(5, errors["bad-term.md"].Line);
        Assert.Equal("“宇航员”不是分类 LecturerCategory 中的词条。", errors["bad-term.md"].Message);
        Assert.Equal(6, errors["bad-key.md"].Line);
        Assert.Contains("shoesize", errors["bad-key.md"].Message);
        Assert.Equal(5, errors["bad-ref.md"].Line);
        Assert.Contains("找不到 Lecturer“nobody”", errors["bad-ref.md"].Message);
        Assert.Equal(1, errors["no-front-matter.md"].Line);
        Assert.NotNull(await ContentSite.WithManagerAsync(site, m => m.GetByPathAsync("lecturers/good")));
    }

    private static string Lecturer(string slug, string name) =>
        $"---\ntype: Lecturer\nslug: {slug}\ntitle: \"{name}\"\ncategory: 劳动模范\nhonours: [\"示例荣誉\"]\n---\n> 示例讲师。\n";

    private sealed class SeedFolder : IDisposable
    {
        public string Path { get; } = TempDirectory.Create();

        public void Write(string relative, string text)
        {
            var file = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

public sealed class SqliteSeedImporterTests : SeedImporterTests<Sqlite>;

public sealed class PostgresSeedImporterTests : SeedImporterTests<Postgres>;
