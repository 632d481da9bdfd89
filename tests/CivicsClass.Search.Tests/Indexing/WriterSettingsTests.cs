using CivicsClass.Search.Engine;
using CivicsClass.Search.Tests.Analysis;
using CivicsClass.Testing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CivicsClass.Search.Tests.Indexing;

/// <summary>
/// The index writer's memory is bounded by settings under <c>Search:</c>: bound from configuration as the site
/// binds them, handed to the writer, and refused with the setting's name when they make no sense.
/// </summary>
public sealed class WriterSettingsTests
{
    [Fact]
    public void Settings_BoundFromConfiguration_ReachTheWriter()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:WriterBufferMB"] = "8",
            ["Search:IndexingThreads"] = "3",
            ["Search:MaxMergeAtOnce"] = "4",
            ["Search:MaxMergedSegmentMB"] = "64",
            ["Search:MergeThreads"] = "2",
            ["Search:RebuildChunkSize"] = "25",
        }).Build();
        var options = new SearchOptions();
        configuration.GetSection("Search").Bind(options);

        using var index = Open(options);
        var config = index.CurrentConfig;

        Assert.Equal(25, options.RebuildChunkSize);
        Assert.Equal(8, config.RAMBufferSizeMB);
        Assert.Equal(3, config.MaxThreadStates);
        var merges = Assert.IsType<TieredMergePolicy>(config.MergePolicy);
        Assert.Equal(4, merges.MaxMergeAtOnce);
        Assert.Equal(64, merges.MaxMergedSegmentMB);
        var scheduler = Assert.IsType<ConcurrentMergeScheduler>(config.MergeScheduler);
        Assert.Equal(2, scheduler.MaxThreadCount);
        Assert.Equal(3, scheduler.MaxMergeCount);
        Assert.IsType<MergeReadsDirectory>(index.WriterDirectory);
    }

    [Fact]
    public void Defaults_BoundTheWriter_AndMergesReadOutsideTheMap()
    {
        var defaults = new SearchOptions();
        using var index = Open(defaults);

        Assert.Empty(defaults.Problems());
        Assert.Equal(defaults.WriterBufferMB, index.CurrentConfig.RAMBufferSizeMB);
        Assert.True(index.CurrentConfig.RAMBufferSizeMB <= 16, "the writer's buffer is what bounds a rebuild's heap");
        Assert.True(defaults.RebuildChunkSize <= 200);
        Assert.IsType<MergeReadsDirectory>(index.WriterDirectory);

        using var mapped = Open(new SearchOptions { MapMergeReads = true });
        Assert.IsType<MMapDirectory>(mapped.WriterDirectory);
    }

    [Fact]
    public void Merges_ReadWithBufferedReads_SearchesThroughTheMap()
    {
        var folder = TempDirectory.Create();
        using var mapped = new MMapDirectory(new DirectoryInfo(folder));
        using (var output = mapped.CreateOutput("segment.bin", IOContext.DEFAULT))
        {
            output.WriteInt64(20_251_206);
        }

        using var directory = new MergeReadsDirectory(mapped);
        var merge = new IOContext(new MergeInfo(1, 8, isExternal: false, mergeMaxNumSegments: -1));
        using var forMerge = directory.OpenInput("segment.bin", merge);
        using var forSearch = directory.OpenInput("segment.bin", IOContext.READ);

        Assert.Equal(20_251_206, forMerge.ReadInt64());
        Assert.Equal(20_251_206, forSearch.ReadInt64());
        Assert.Contains("NIOFS", forMerge.GetType().Name, StringComparison.Ordinal);
        Assert.DoesNotContain("NIOFS", forSearch.GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void NonsenseSettings_StopTheStart_NamingEachSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:WriterBufferMB"] = "0",
            ["Search:RebuildChunkSize"] = "-5",
            ["Search:MergeThreads"] = "0",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSearch(configuration));

        Assert.Contains("Search:WriterBufferMB", error.Message, StringComparison.Ordinal);
        Assert.Contains("Search:RebuildChunkSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("Search:MergeThreads", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Search:MaxMergeAtOnce", error.Message, StringComparison.Ordinal);
        Assert.Single(new SearchOptions { WriterBufferMB = 4096 }.Problems());
        Assert.Single(new SearchOptions { IndexingThreads = -1 }.Problems());
        Assert.Single(new SearchOptions { MaxMergeAtOnce = 1 }.Problems());
    }

    private static LuceneIndex Open(SearchOptions options) =>
        new(Path.Combine(TempDirectory.Create(), "search"), new CivicsAnalyzer(AnalysisFixture.Analyzer), NullLogger.Instance, options);
}
