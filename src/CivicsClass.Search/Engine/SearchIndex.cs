using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using Lucene.Net.Search;

namespace CivicsClass.Search.Engine;

/// <summary>Searches this node's index: the best hits of a page and, in the same pass, facet counts over all hits.</summary>
public sealed class SearchIndex : IDisposable
{
    private static readonly Sort s_newestFirst = new(new SortField(IndexFields.Published, SortFieldType.INT64, reverse: true));
    private static readonly Sort s_suggestions = new(SortField.FIELD_SCORE, new SortField(IndexFields.Published, SortFieldType.INT64, reverse: true));

    private readonly System.Threading.Lock _opening = new();
    private readonly Func<string, LuceneIndex> _open;
    private LuceneIndex? _index;

    /// <summary>
    /// The index is opened at first use, so that a command run beside a site that holds it can still
    /// publish; a failed open is tried again at the next use (the holder may have stopped).
    /// </summary>
    internal SearchIndex(string folder, Func<string, LuceneIndex> open)
    {
        Folder = Path.GetFullPath(folder);
        _open = open;
    }

    /// <summary>Where this node keeps its index: node-local, left out of backups, rebuilt when missing.</summary>
    public string Folder { get; }

    internal LuceneIndex Index
    {
        get
        {
            if (Volatile.Read(ref _index) is { } opened)
            {
                return opened;
            }

            lock (_opening)
            {
                var index = _index ?? _open(Folder);
                Volatile.Write(ref _index, index);
                return index;
            }
        }
    }

    /// <summary>Changes whenever what this node's searches see changes.</summary>
    public long Generation => Index.Generation;

    /// <summary>The last task of the index log this node has applied.</summary>
    public long Cursor => Index.Cursor;

    public int Count => Index.Count;

    /// <summary>False until a node's first rebuild is done (no index was there, or it could not be read).</summary>
    public bool IsBuilt => !Index.NeedsRebuild;

    public long SizeOnDisk => Index.SizeOnDisk;

    /// <summary>
    /// The page of hits from <paramref name="skip"/>, best first, with the total and facet counts. A query
    /// with only filters lists the newest first.
    /// </summary>
    public IndexHits Search(SearchQuery query, IReadOnlyList<string> filters, int skip, int take)
    {
        var lucene = QueryBuilder.Build(query, filters);
        if (lucene is null)
        {
            return IndexHits.None;
        }

        return Index.Search(searcher =>
        {
            var wanted = skip + take;
            ITopDocsCollector best = query.HasTerms
                ? TopScoreDocCollector.Create(wanted, docsScoredInOrder: true)
                : TopFieldCollector.Create(s_newestFirst, wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
            var collector = new FacetCollector(best);
            searcher.Search(lucene, collector);
            var facets = collector.Counts();
            if (collector.Total == 0)
            {
                return IndexHits.None;
            }

            var page = best.GetTopDocs(skip, take).ScoreDocs;
            var hits = page.Select(d => DocumentMapper.ToHit(searcher.Doc(d.Doc), d.Score)).ToList();
            return new IndexHits(collector.Total, hits, facets);
        });
    }

    /// <summary>Titles whose words (or their pinyin) start with what was typed.</summary>
    public IReadOnlyList<IndexHit> Suggest(string prefix, int take) => Index.Search(searcher =>
    {
        var top = searcher.Search(QueryBuilder.Prefix(prefix), null, take, s_suggestions, doDocScores: true, doMaxScore: false);
        return (IReadOnlyList<IndexHit>)top.ScoreDocs.Select(d =>
        {
            var hit = DocumentMapper.ToHit(searcher.Doc(d.Doc), d.Score);
            return new IndexHit { ContentItemId = hit.ContentItemId, ContentType = hit.ContentType, Title = hit.Title, Url = hit.Url, Score = hit.Score };
        }).ToList();
    });

    /// <summary>Makes what this node applied durable, if it opened its index at all.</summary>
    public void CommitIfOpen()
    {
        Volatile.Read(ref _index)?.Commit();
    }

    public void Dispose()
    {
        Volatile.Read(ref _index)?.Dispose();
    }
}
