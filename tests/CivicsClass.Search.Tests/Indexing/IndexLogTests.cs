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
