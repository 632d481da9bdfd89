using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Seeds;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Content.Tests.Parts;

/// <summary>延伸阅读 checked wherever a lesson comes from (not only the editor), filled from seed files, and known from its registration alone.</summary>
public abstract class ReadingListPartTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Create_JavascriptAndTooManyLinks_AreRefusedInChinese_AndNothingIsSaved()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var lecturer = await ContentSite.CreateLecturerAsync(site, "reading-checks");
        var links = Enumerable.Range(1, 10).Select(n => new ReadingLink { Title = $"第{n}篇", Url = $"https://example.cn/{n}" })
            .Append(new ReadingLink { Title = "点我", Url = "javascript:alert(1)" }).ToList();

        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => ContentSite.WithManagerAsync(site, async m =>
        {
            var lesson = await ContentSite.NewLessonAsync(m, "带延伸阅读的课", "reading-checks", lecturer.ContentItemId);
            lesson.Apply(new ReadingListPart { Links = links });
            return await m.CreateAsync(lesson, publish: true);
        }));

        var messages = refused.Errors.Where(e => e.Member == "ReadingListPart.Links").Select(e => e.Message).ToList();
        Assert.Contains("延伸阅读最多 10 条链接（现在是 11 条）。", messages);
        Assert.Contains("延伸阅读第 11 条的地址“javascript:alert(1)”不是 http 或 https 网址。", messages);
        Assert.Equal(2, messages.Count);
        Assert.Null(await ContentSite.WithManagerAsync(site, m => m.GetByPathAsync("lessons/reading-checks", VersionOptions.Latest)));
    }

    [SkippableFact]
    public async Task Import_ReadingKey_FillsTheLinks()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        await ContentSite.CreateLecturerAsync(site, "reading-seed");
        var folder = TempDirectory.Create();
        Directory.CreateDirectory(Path.Combine(folder, "lessons"));
        File.WriteAllText(Path.Combine(folder, "lessons", "reading.md"),
            "---\ntype: Lesson\nslug: reading-seed\ntitle: 种子里的延伸阅读\nlecturer: reading-seed\nthemes: [劳模精神]\nformat: 图文\nduration: 5\n"
            + "reading:\n  - 安源路矿史料 | https://example.cn/anyuan | 纪念馆藏\n  - 工会简史 | https://example.org/union\n---\n正文\n");

        try
        {
            var report = await site.Services.GetRequiredService<SeedImporter>().ImportAsync(folder);
            var lesson = await ContentSite.WithManagerAsync(site, m => m.GetByPathAsync("lessons/reading-seed"));

            Assert.Empty(report.Errors);
            var links = lesson!.Part<ReadingListPart>().Links;
            Assert.Equal(new[] { "安源路矿史料", "工会简史" }, links.Select(l => l.Title));
            Assert.Equal(new[] { "https://example.cn/anyuan", "https://example.org/union" }, links.Select(l => l.Url));
            Assert.Equal(new string?[] { "纪念馆藏", null }, links.Select(l => l.Note));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task KnownParts_ComeFromTheRegisteredParts()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());

        var known = site.Services.GetRequiredService<KnownParts>();

        Assert.Equal(
            new[]
            {
                "AliasPart", "AutoroutePart", "GeoPointPart", "ListPart", "MarkdownBodyPart", "MediaPart", "MediaPlayerPart", "PanoramaPart",
                "PublishLaterPart", "QuizPart", "ReadingListPart", "SummaryPart", "TaxonomyPart", "TitlePart",
            },
            known.All.Order(StringComparer.Ordinal));
        Assert.Equal("延伸阅读", known.Label("ReadingListPart"));
    }
}

public sealed class SqliteReadingListPartTests : ReadingListPartTests<Sqlite>;

public sealed class PostgresReadingListPartTests : ReadingListPartTests<Postgres>;
