using System.Diagnostics;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>
/// <c>search rebuild</c> killed with SIGKILL halfway, then the site started as usual: the start works
/// through what the rebuild left queued, and every item ends up indexed exactly once. Each batch of 100
/// commits on its own, so another process can watch the index grow, on SQLite too (in WAL mode a reader
/// sees each batch's commit while the next one is written); the kill mostly lands inside a batch, whose
/// claim on the queue rolls back with its index writes.
/// </summary>
public abstract class SearchRebuildCrashTests<TDatabase>(ITestOutputHelper output) where TDatabase : IDatabaseProvider, new()
{
    private const int Lessons = 1500;

    private static readonly string s_countPublishedIndexed = $"""
        SELECT COUNT(*) FROM content_item_index WHERE published = TRUE
        AND content_type IN ({string.Join(", ", SearchDocumentBuilder.IndexedTypes.Select(t => $"'{t}'"))})
        """;

    // A real lesson's text, so that a batch takes as long to index as on a real site: a line of text
    // each, and SQLite indexed all 1,500 before the watcher could catch it halfway.
    private static readonly string s_body = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "lessons", "anyuan-great-strike-1922.md")).Split("\n---\n", 2)[1];

    [SkippableFact]
    public async Task KilledDuringRebuild_SiteStartFinishesIt_EveryItemIndexedOnce()
    {
        var watch = Stopwatch.StartNew();
        await using var database = await new TDatabase().CreateAsync();
        var lessons = await GenerateAsync(database);
        var generated = watch.Elapsed;
        var dialect = DataModule.CreateDialect(database.Options, database.Directory);
        var total = await CountAsync(dialect, s_countPublishedIndexed);

        await OperatedSite.KillWhenAsync(OperatedSite.Process(database, null, "search", "rebuild"),
            async () => await CountAsync(dialect, "SELECT COUNT(*) FROM search_document") >= total / 2);
        var indexedAtKill = await CountAsync(dialect, "SELECT COUNT(*) FROM search_document");
        var killed = watch.Elapsed;

        await using (var factory = OperatedSite.Start(database, seeds: false))
        {
            factory.CreateClient().Dispose(); // a normal start: its indexer works through the queue by itself
            await QueueEmptiedAsync(dialect, TimeSpan.FromSeconds(60));
            await using var scope = factory.Services.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<SearchService>();
            foreach (var i in new[] { 0, Lessons / 2, Lessons - 1 })
            {
                var found = await search.SearchAsync(new SearchRequest(Word(i)));
                Assert.Equal(1, found.Total);
                Assert.Equal(lessons[i], Assert.Single(found.Hits).Id);
            }
        }

        output.WriteLine($"generated {Lessons} lessons in {generated.TotalSeconds:F1} s; killed at {indexedAtKill}/{total} after {killed.TotalSeconds:F1} s; done in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(indexedAtKill, 1, total - 1); // killed in the middle: some documents in, not all
        Assert.Equal(total, await CountAsync(dialect, "SELECT COUNT(*) FROM search_document"));
        Assert.Equal(total, await CountAsync(dialect, "SELECT COUNT(DISTINCT content_item_id) FROM search_document"));
        Assert.Equal(0, await CountAsync(dialect, """
            SELECT COUNT(*) FROM search_document d WHERE NOT EXISTS (
                SELECT 1 FROM content_item_index c WHERE c.content_item_id = d.content_item_id AND c.published = TRUE)
            """));
        if (database.Options.Provider == "Sqlite")
        {
            Assert.Equal(total, await CountAsync(dialect, "SELECT COUNT(*) FROM search_fts")); // the tokens, beside the documents
        }

        Assert.Equal(0, await CountAsync(dialect, "SELECT COUNT(*) FROM search_queue WHERE attempts > 0")); // none failed
        Assert.Equal(0, await CountAsync(dialect, "SELECT COUNT(*) FROM search_queue"));
    }

    /// <summary>A word no other lesson carries, kept whole by the analyser.</summary>
    private static string Word(int i) => $"rebuildword{i:D5}";

    /// <summary>
    /// Published lessons, each carrying its own word, on a site that indexes nothing meanwhile; the queue
    /// their publishing filled is emptied, as on a site whose index is to be built from nothing.
    /// </summary>
    private static async Task<IReadOnlyList<string>> GenerateAsync(TestDatabase database)
    {
        await using var factory = OperatedSite.Start(database, seeds: false, indexInBackground: false);
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
        for (var from = 0; from < Lessons; from += 250)
        {
            // Many lessons to a unit of work: one commit per lesson would take most of the test's time.
            lessons.AddRange(await CreateAsync(factory, from, Math.Min(250, Lessons - from), async (manager, i) =>
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

        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM search_queue", transaction: transaction);
        await session.SaveChangesAsync();
        return lessons;
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

    /// <summary>Waits, without indexing anything itself, until the queue is empty.</summary>
    private static async Task QueueEmptiedAsync(Data.Dialects.ISqlDialect dialect, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (await CountAsync(dialect, "SELECT COUNT(*) FROM search_queue") > 0 && deadline.Elapsed < timeout)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Counts through a connection of the test's own, as another process sees the database.</summary>
    private static async Task<long> CountAsync(Data.Dialects.ISqlDialect dialect, string sql)
    {
        await using var connection = await dialect.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

public sealed class SqliteSearchRebuildCrashTests(ITestOutputHelper output) : SearchRebuildCrashTests<Sqlite>(output);

public sealed class PostgresSearchRebuildCrashTests(ITestOutputHelper output) : SearchRebuildCrashTests<Postgres>(output);
