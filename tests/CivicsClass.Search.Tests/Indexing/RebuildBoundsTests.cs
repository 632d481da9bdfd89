using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Search.Tests.Indexing;

/// <summary>
/// A rebuild holds one chunk of items at a time (Search:RebuildChunkSize): it reads, builds and adds that
/// many, then the next, and still indexes every published item.
/// </summary>
public abstract class RebuildBoundsTests<TProvider>(SearchSite<TProvider> site) : IClassFixture<SearchSite<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Rebuild_ReadsTheContentInChunksOfTheSetting_AndIndexesEveryItem()
    {
        var test = await site.GetAsync();
        var index = test.Services.GetRequiredService<SearchIndex>();
        var documents = index.Count;
        Assert.True(documents > 20, $"the seeds give more than a few chunks' worth ({documents})");
        var options = test.Services.GetRequiredService<SearchOptions>();
        options.RebuildChunkSize = 7;
        var steps = new StepsSeen();

        var indexed = await test.Services.GetRequiredService<SearchIndexer>().RebuildAsync(steps);

        Assert.Equal(documents, indexed);
        Assert.Equal(documents, index.Count);
        Assert.True(steps.Seen.Count >= documents / 7, $"one step a chunk: {string.Join(", ", steps.Seen)}");
        var done = 0;
        foreach (var (step, total) in steps.Seen)
        {
            Assert.InRange(step - done, 1, 7);
            Assert.True(step <= total);
            done = step;
        }

        Assert.Equal(steps.Seen[^1].Total, done);
        Assert.NotEmpty((await site.SearchAsync("劳模")).Hits);
    }

    /// <summary>Records each step as the rebuild reports it, on the rebuild's own thread.</summary>
    private sealed class StepsSeen : IProgress<(int Done, int Total)>
    {
        public List<(int Done, int Total)> Seen { get; } = [];

        public void Report((int Done, int Total) value) => Seen.Add(value);
    }
}

public sealed class SqliteRebuildBoundsTests(SearchSite<Sqlite> site) : RebuildBoundsTests<Sqlite>(site);

public sealed class PostgresRebuildBoundsTests(SearchSite<Postgres> site) : RebuildBoundsTests<Postgres>(site);
