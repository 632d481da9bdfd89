using CivicsClass.Search.Engine;
using CivicsClass.Search.Tests.Analysis;
using CivicsClass.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CivicsClass.Search.Tests.Indexing;

/// <summary>An index folder belongs to one process at a time: a second writer would destroy the first one's files.</summary>
public sealed class IndexFolderTests
{
    [Fact]
    public void SecondOpener_IsToldTheFolderIsInUse_AndOpensOnceTheFirstLetsGo()
    {
        var folder = Path.Combine(TempDirectory.Create(), "search");
        var first = Open(folder);
        var second = Open(folder);

        Assert.Equal(0, first.Count);
        Assert.Throws<SearchIndexInUseException>(() => second.Count);

        first.Dispose();
        Assert.Equal(0, second.Count); // a failed open is tried again at the next use
        second.Dispose();
    }

    private static SearchIndex Open(string folder) =>
        new(folder, path => new LuceneIndex(path, new CivicsAnalyzer(AnalysisFixture.Analyzer), NullLogger.Instance));
}
