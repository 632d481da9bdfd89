using System.Diagnostics;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>
/// A node killed with SIGKILL while it applies a thousand index tasks another node logged, then
/// started again: it goes on from the cursor its last commit holds, and its index ends up equal to
/// what is published, each item once. Then its index folder is deleted: the next start rebuilds it
/// from the published content and serves searches.
/// </summary>
public abstract class SearchIndexCrashTests<TDatabase>(ITestOutputHelper output) where TDatabase : IDatabaseProvider, new()
{
    private const int Lessons = 1050;
    private const int Revised = 900;
    private const int Unpublished = 100;

    private const string CountPublishedIndexed = "SELECT COUNT(*) FROM content_item_index WHERE published = TRUE AND path <> ''";

    // A real lesson's text, so that applying a task takes as long as on a real site.
    private static readonly string s_body = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "lessons", "anyuan-great-strike-1922.md")).Split("\n---\n", 2)[1];

    [SkippableFact]
    public async Task KilledWhileApplyingTheLog_RestartFinishes_DeletedIndexIsRebuilt()
    {
        var watch = Stopwatch.StartNew();
        await using var database = await new TDatabase().CreateAsync();
        var folder = OperatedSite.ProcessSearchIndex(database);
        var lessons = await GenerateAsync(database, folder);
        var dialect = DataModule.CreateDialect(database.Options, database.Directory);
        var before = SearchIndexProbe.CommittedCursor(folder);

        // Another node revises and unpublishes lessons: a thousand tasks this node has not applied.
        await ChangeAsync(database, lessons);
        var head = await CountAsync(dialect, "SELECT seq FROM search_index_head WHERE id = 1");
        Assert.Equal(before + Revised + Unpublished, head);
        var generated = watch.Elapsed;

        await OperatedSite.KillWhenAsync(OperatedSite.Process(database, new Dictionary<string, string> { ["Search__ApplyBatchSize"] = "25" }),
            () => Task.FromResult(SearchIndexProbe.CommittedCursor(folder) > before));
        var atKill = SearchIndexProbe.CommittedCursor(folder);
        var killed = watch.Elapsed;

        await using (var factory = OperatedSite.Start(database, seeds: false, searchIndex: folder))
        {
            factory.CreateClient().Dispose();
            await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(120));
            await AssertIndexEqualsPublishedAsync(factory, dialect, lessons);
            Assert.Equal(head, factory.Services.GetRequiredService<SearchIndex>().Cursor);
        }

        output.WriteLine($"generated and changed {Lessons} lessons in {generated.TotalSeconds:F1} s; killed at task {atKill} of {before + 1}–{head} after {killed.TotalSeconds:F1} s");
        Assert.InRange(atKill, before + 1, head - 1); // killed in the middle: some tasks applied and committed, not all

        Directory.Delete(folder, recursive: true);
        await using (var factory = OperatedSite.Start(database, seeds: false, searchIndex: folder))
        {
            factory.CreateClient().Dispose(); // the start finds no index and rebuilds it from the published content
            await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(120));
            await AssertIndexEqualsPublishedAsync(factory, dialect, lessons);
        }
    }

    private static async Task AssertIndexEqualsPublishedAsync(SiteFactory factory, Data.Dialects.ISqlDialect dialect, IReadOnlyList<string> lessons)
    {
        var (documents, distinct) = SearchIndexProbe.Count(factory.Services.GetRequiredService<SearchIndex>());
        Assert.Equal(await CountAsync(dialect, CountPublishedIndexed), documents);
        Assert.Equal(documents, distinct);
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        foreach (var i in new[] { 0, Revised / 2, Revised - 1 })
        {
            var found = await search.SearchAsync(new SearchRequest($"revised{i:D5}"));
            Assert.Equal(lessons[i], Assert.Single(found.Hits).Id);
        }

        foreach (var i in new[] { Revised, Revised + Unpublished - 1 })
        {
            Assert.Equal(0, (await search.SearchAsync(new SearchRequest(Word(i)))).Total); // unpublished
        }

        Assert.Equal(lessons[^1], Assert.Single((await search.SearchAsync(new SearchRequest(Word(Lessons - 1)))).Hits).Id); // untouched
    }

    /// <summary>A word no other lesson carries, kept whole by the analyser.</summary>
    private static string Word(int i) => $"rebuildword{i:D5}";

    /// <summary>Published lessons, each carrying its own word, indexed by a node that keeps its index where the site's process will.</summary>
    private static async Task<IReadOnlyList<string>> GenerateAsync(TestDatabase database, string folder)
    {
        await using var factory = OperatedSite.Start(database, seeds: false, searchIndex: folder);
        factory.CreateClient().Dispose();
        var lecturer = await CreateAsync(factory, 0, 1, async (manager, _) =>
        {
            var item = await manager.NewAsync("Lecturer");
            item.Apply(new TitlePart { Title = "示例讲师" });
            item.Apply(new AutoroutePart { Path = "lecturers/rebuild" });
            item.SetField("Category", new TaxonomyField { TermIds = [TaxonomyService.TermId("LecturerCategory", "劳动模范")] });
            return item;
        });
        var lessons = new List<string>();
        for (var from = 0; from < Lessons; from += 300)
        {
            // Many lessons to a unit of work: one commit per lesson would take most of the test's time.
            lessons.AddRange(await CreateAsync(factory, from, Math.Min(300, Lessons - from), async (manager, i) =>
            {
                var item = await manager.NewAsync("Lesson");
                item.Apply(new TitlePart { Title = $"第{i}课：劳动精神的时代内涵" });
                item.Apply(new AutoroutePart { Path = $"lessons/rebuild-{i}" });
                item.Apply(new SummaryPart { Summary = "爱岗敬业、争创一流，艰苦奋斗、勇于创新。" });
                item.Apply(new MarkdownBodyPart { Markdown = $"{s_body}\n\n本课编号 {Word(i)}。" });
                item.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturer[0]] });
                item.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", "劳动精神")] });
                item.SetField("Format", new TextField { Text = "图文" });
                item.SetField("Duration", new NumericField { Value = 5 });
                return item;
            }));
        }

        await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(120));
        return lessons;
    }

    /// <summary>On another node (its own index): the first lessons get a new title word and republished, the next ones unpublished.</summary>
    private static async Task ChangeAsync(TestDatabase database, IReadOnlyList<string> lessons)
    {
        await using var factory = OperatedSite.Start(database, seeds: false);
        await using var scope = factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        foreach (var (id, i) in lessons.Take(Revised).Select((id, i) => (id, i)))
        {
            var lesson = (await manager.GetAsync(id, VersionOptions.Latest))!;
            lesson.Apply(new TitlePart { Title = $"第{i}课：劳动精神 revised{i:D5}" });
            await manager.PublishAsync(await manager.UpdateAsync(lesson));
        }

        foreach (var id in lessons.Skip(Revised).Take(Unpublished))
        {
            await manager.UnpublishAsync(id);
        }

        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
    }

    private static async Task<IReadOnlyList<string>> CreateAsync(SiteFactory factory, int from, int count, Func<IContentManager, int, Task<ContentItem>> make)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var ids = new List<string>();
        for (var i = from; i < from + count; i++)
        {
            ids.Add((await manager.CreateAsync(await make(manager, i), publish: true)).ContentItemId);
        }

        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return ids;
    }

    /// <summary>Counts through a connection of the test's own, as another process sees the database.</summary>
    private static async Task<long> CountAsync(Data.Dialects.ISqlDialect dialect, string sql)
    {
        await using var connection = await dialect.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

public sealed class SqliteSearchIndexCrashTests(ITestOutputHelper output) : SearchIndexCrashTests<Sqlite>(output);

public sealed class PostgresSearchIndexCrashTests(ITestOutputHelper output) : SearchIndexCrashTests<Postgres>(output);
