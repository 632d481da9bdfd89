using CivicsClass.Data.Documents;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Search.Tests.Querying;

/// <summary>Repeated searches come from the result cache, but never once the index has changed, whoever changed it.</summary>
public abstract class SearchCacheEvictionTests<TProvider>(SearchSite<TProvider> site) : IClassFixture<SearchSite<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task RepeatedSearch_IsAnsweredFromTheCache()
    {
        var first = await site.SearchAsync("工匠");

        var second = await site.SearchAsync("工匠");

        Assert.Same(first.Hits, second.Hits);
        Assert.Equal(first.Total, second.Total);
    }

    [SkippableFact]
    public async Task IndexingOrRemovingADocument_EvictsCachedResults()
    {
        var test = await site.GetAsync();
        var before = await site.SearchAsync("zyxwvq");
        Assert.Equal(0, before.Total);

        await test.Services.GetRequiredService<CorpusIndexer>().IndexAsync([new CorpusDocument("cache-probe", "zyxwvq 工匠", "zyxwvq 劳模精神")]);
        var indexed = await site.SearchAsync("zyxwvq");
        var unrelated = await site.SearchAsync("工匠");

        Assert.Equal(1, indexed.Total);
        Assert.Contains(unrelated.Hits, h => h.Id == "cache-probe");

        var index = test.Services.GetRequiredService<SearchIndex>().Index;
        index.Apply([], ["cache-probe"], index.Cursor);

        Assert.Equal(0, (await site.SearchAsync("zyxwvq")).Total);
        Assert.DoesNotContain((await site.SearchAsync("工匠")).Hits, h => h.Id == "cache-probe");
    }

    [SkippableFact]
    public async Task IndexTaskRolledBack_KeepsCachedResults()
    {
        var test = await site.GetAsync();
        var first = await site.SearchAsync("劳模");

        await using (var session = test.Services.GetRequiredService<IDocumentStore>().CreateSession())
        {
            await IndexLog.AppendAsync(session, [first.Hits[0].Id], IndexLog.Delete, DateTime.UtcNow);
        }

        Assert.Equal(0, await test.Services.GetRequiredService<SearchIndexer>().CatchUpAsync());
        Assert.Same(first.Hits, (await site.SearchAsync("劳模")).Hits);
    }
}

public sealed class SqliteSearchCacheEvictionTests(SearchSite<Sqlite> site) : SearchCacheEvictionTests<Sqlite>(site);

public sealed class PostgresSearchCacheEvictionTests(SearchSite<Postgres> site) : SearchCacheEvictionTests<Postgres>(site);
