using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Search.Tests.Indexing;

/// <summary>
/// The index log is numbered in commit order. Two publishes whose transactions commit in the other
/// order than they began are both applied: a node that applied the later-begun one first still
/// finds the earlier-begun one after its cursor. On SQLite one writer at a time makes this trivially
/// so; on PostgreSQL the two transactions really overlap.
/// </summary>
public sealed class IndexLogOrderTests(SearchSite<Postgres> site) : IClassFixture<SearchSite<Postgres>>
{
    [SkippableFact]
    public async Task TwoUnpublishesCommittedOutOfOrder_AreBothApplied()
    {
        var test = await site.GetAsync();
        var index = test.Services.GetRequiredService<SearchIndex>();
        await test.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        const string first = "lessons/gonghui-yizhan", second = "lessons/laodong-hetong-jichu";
        Assert.Contains((await site.SearchAsync("驿站")).Hits, h => h.Url == "/" + first);

        // The first transaction begins and writes, but does not commit yet.
        await using var early = test.CreateScope();
        var earlyManager = early.ServiceProvider.GetRequiredService<IContentManager>();
        var earlyId = (await earlyManager.GetByPathAsync(first))!.ContentItemId;
        await earlyManager.UnpublishAsync(earlyId);

        // A second one begins later and commits first; this node applies it at once.
        await using (var late = test.CreateScope())
        {
            var manager = late.ServiceProvider.GetRequiredService<IContentManager>();
            await manager.UnpublishAsync((await manager.GetByPathAsync(second))!.ContentItemId);
            await late.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }

        var afterLate = index.Cursor;
        await early.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();

        Assert.True(index.Cursor > afterLate, "the early transaction's task is numbered after the late one's, at its commit");
        Assert.DoesNotContain((await site.SearchAsync("驿站")).Hits, h => h.Url == "/" + first);
        await using var session = test.Services.GetRequiredService<IDocumentStore>().CreateSession();
        var tasks = await IndexLog.ReadAsync(session, afterLate - 1, 10);
        Assert.Equal(earlyId, tasks[^1].ContentItemId);
    }
}

/// <summary>The log is trimmed by age; a node whose cursor is older than what is kept rebuilds from the published content.</summary>
public abstract class IndexLogTrimTests<TProvider>(SearchSite<TProvider> site) : IClassFixture<SearchSite<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task LogTrimmedPastANodesCursor_TheNodeRebuilds_AndFollowsOn()
    {
        var test = await site.GetAsync();
        var index = test.Services.GetRequiredService<SearchIndex>();
        var indexer = test.Services.GetRequiredService<SearchIndexer>();
        await indexer.CatchUpAsync();
        var cursor = index.Cursor;
        var documents = index.Count;

        await using (var session = test.Services.GetRequiredService<IDocumentStore>().CreateSession())
        {
            // Tasks this node has not applied, appended long ago and trimmed away since.
            await IndexLog.AppendAsync(session, ["no-such-item-1", "no-such-item-2"], IndexLog.Delete, DateTime.UtcNow.AddDays(-30));
            await session.SaveChangesAsync();
            // Trimming removes everything up to the newest task past the age: the log is in commit order.
            Assert.True(await IndexLog.TrimAsync(session, DateTime.UtcNow.AddDays(-7)) >= 2);
            await session.SaveChangesAsync();
            var head = await IndexLog.HeadAsync(session);
            Assert.Equal(cursor + 2, head.TrimmedThrough);
            Assert.Empty(await IndexLog.ReadAsync(session, cursor, 10));
        }

        await indexer.CatchUpAsync();

        Assert.Equal(cursor + 2, index.Cursor);
        Assert.Equal(documents, index.Count);
        Assert.Equal(0, await indexer.LagAsync());
        Assert.NotEmpty((await site.SearchAsync("劳模")).Hits);
    }
}

public sealed class SqliteIndexLogTrimTests(SearchSite<Sqlite> site) : IndexLogTrimTests<Sqlite>(site);

public sealed class PostgresIndexLogTrimTests(SearchSite<Postgres> site) : IndexLogTrimTests<Postgres>(site);
