using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CivicsClass.Testing.Relevance;

/// <summary>
/// The reference the site's search is measured against: passages indexed in memory through a stock
/// Lucene.NET analyzer (title and body), searched with the classic multi-field query parser, BM25,
/// the title weighted as the site weights it. What a team would get from Lucene out of the box.
/// </summary>
public sealed class StockEngine : IDisposable
{
    private static readonly LuceneVersion s_version = LuceneVersion.LUCENE_48;
    private static readonly string[] s_fields = ["title", "body"];
    private static readonly Dictionary<string, float> s_boosts = new() { ["title"] = 10f, ["body"] = 1f };

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public StockEngine(string name, Analyzer analyzer)
    {
        Name = name;
        _analyzer = analyzer;
    }

    public string Name { get; }

    /// <summary>Indexes the passages on every core; returns documents a second.</summary>
    public double Index(IEnumerable<Passage> passages)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var count = 0;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(s_version, _analyzer) { Similarity = new BM25Similarity(), RAMBufferSizeMB = 64 }))
        {
            Parallel.ForEach(passages, passage =>
            {
                writer.AddDocument(new LuceneDocument
                {
                    new StringField("id", passage.Id, Field.Store.YES),
                    new TextField("title", passage.Title, Field.Store.YES),
                    new TextField("body", passage.Body, Field.Store.YES),
                });
                Interlocked.Increment(ref count);
            });
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The ids of the best hits; a query the parser cannot read finds nothing.</summary>
    public IReadOnlyList<string> Search(string text, int take = 10) => Top(text, take).Select(h => h.Id).ToList();

    /// <summary>The best hits with their stored texts (as a site would read them to show a result).</summary>
    public IReadOnlyList<(string Id, string Title, string Body)> Top(string text, int take = 10)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("Index first.");
        Query query;
        try
        {
            // The parser is not thread-safe: one per search.
            query = new MultiFieldQueryParser(s_version, s_fields, _analyzer, s_boosts).Parse(text);
        }
        catch (ParseException)
        {
            return [];
        }

        return searcher.Search(query, take).ScoreDocs.Select(d => searcher.Doc(d.Doc))
            .Select(d => (d.Get("id"), d.Get("title"), d.Get("body"))).ToList();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
