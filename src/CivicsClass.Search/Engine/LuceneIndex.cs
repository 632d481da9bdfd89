using CivicsClass.Data;
using CivicsClass.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CivicsClass.Search.Engine;

/// <summary>
/// This node's Lucene index: one <see cref="IndexWriter"/>, a <see cref="SearcherManager"/> reopened
/// near-real-time after each change, BM25 everywhere. Beside the documents the index keeps its
/// cursor — the last task of the database's index log it holds — in the commit's user data, so the
/// documents and the cursor are made durable together. Changes become searchable at once and durable
/// at the next <see cref="Commit"/>; after a crash the node reapplies the log from the committed cursor.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private const string CursorKey = "cursor";
    private static readonly LuceneVersion s_version = LuceneVersion.LUCENE_48;

    private readonly System.Threading.Lock _lock = new();
    private readonly string _path;
    private readonly CivicsAnalyzer _analyzer;
    private readonly SearchOptions _options;
    private readonly ILogger _logger;
    private FileStream? _nodeLock;
    private FSDirectory _directory = null!;
    private Lucene.Net.Store.Directory _writerDirectory = null!;
    private IndexWriter _writer = null!;
    private SearcherManager _searchers = null!;
    private long _cursor;
    private long _committedCursor;
    private long _generation;

    public LuceneIndex(string path, CivicsAnalyzer analyzer, ILogger logger, SearchOptions? options = null)
    {
        _path = path;
        _analyzer = analyzer;
        _options = options ?? new SearchOptions();
        _logger = logger;
        Open();
    }

    /// <summary>The last log task applied (searchable, perhaps not yet committed).</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    /// <summary>True when the folder held no usable index when it was opened: it must be rebuilt before it is followed.</summary>
    public bool NeedsRebuild { get; private set; }

    /// <summary>Changes with every change made searchable: what result caches are keyed by.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public string Path => _path;

    /// <summary>Adds or replaces documents and removes others; searchable when this returns. The cursor moves to <paramref name="cursor"/>.</summary>
    public void Apply(IEnumerable<LuceneDocument> upserts, IEnumerable<string> deletions, long cursor)
    {
        lock (_lock)
        {
            foreach (var id in deletions)
            {
                _writer.DeleteDocuments(new Term(IndexFields.Id, id));
            }

            foreach (var document in upserts)
            {
                _writer.UpdateDocument(new Term(IndexFields.Id, document.Get(IndexFields.Id)), document);
            }

            Interlocked.Exchange(ref _cursor, Math.Max(_cursor, cursor));
        }

        Refresh();
    }

    /// <summary>
    /// Adds a document not in the index (a rebuild after <see cref="Clear"/>, a fresh corpus), from
    /// several threads at once: analysis runs on the caller's thread, and no delete by id is buffered,
    /// which a bulk load would pay for at every flush. Nothing is searchable until <see cref="Refresh"/>.
    /// </summary>
    public void AddNew(LuceneDocument document) => _writer.AddDocument(document);

    /// <summary>Empties the index for a rebuild; the old documents stay durable until the rebuild commits.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _writer.DeleteAll();
            NeedsRebuild = true;
        }
    }

    /// <summary>Marks a rebuild done at <paramref name="cursor"/> and makes it durable.</summary>
    public void CompleteRebuild(long cursor)
    {
        Interlocked.Exchange(ref _cursor, cursor);
        // Searchable before it counts as built: a search that waited for the build never sees the empty reader.
        Refresh();
        lock (_lock)
        {
            NeedsRebuild = false;
        }

        Commit();

        // A bulk load leaves many small segments merging in the background; searches are served from
        // them meanwhile and from the merged ones once the merges are done (fewer segments, fewer lookups).
        _writer.WaitForMerges();
        Refresh();
    }

    public void Refresh()
    {
        _searchers.MaybeRefreshBlocking();
        Interlocked.Increment(ref _generation);
    }

    /// <summary>Makes what was applied durable, with the cursor it reached; nothing to do when nothing changed.</summary>
    public void Commit()
    {
        lock (_lock)
        {
            if (NeedsRebuild || (_cursor == _committedCursor && !_writer.HasUncommittedChanges()))
            {
                return;
            }

            _writer.SetCommitData(new Dictionary<string, string> { [CursorKey] = _cursor.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            _writer.Commit();
            _committedCursor = _cursor;
        }
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public int Count => Search(s => s.IndexReader.NumDocs);

    /// <summary>The index's size on disk, in bytes.</summary>
    public long SizeOnDisk => new DirectoryInfo(_path).EnumerateFiles().Sum(f => f.Exists ? f.Length : 0);

    public void Dispose()
    {
        lock (_lock)
        {
            try
            {
                Commit();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _logger.LogWarning(e, "The search index could not be committed at shutdown; it is caught up from the log at the next start");
            }

            _searchers.Dispose();
            _writer.Dispose();
            _writerDirectory.Dispose();
            _directory.Dispose();
            _nodeLock?.Dispose();
        }
    }

    private void Open()
    {
        System.IO.Directory.CreateDirectory(_path);
        TakeFolder();
        try
        {
            OpenWriter(OpenMode.CREATE_OR_APPEND);
            var committed = _writer.CommitData;
            if (committed is not null && committed.TryGetValue(CursorKey, out var text) && long.TryParse(text, out var cursor))
            {
                _cursor = _committedCursor = cursor;
                return;
            }

            NeedsRebuild = true;
        }
        catch (LockObtainFailedException e)
        {
            CloseQuietly();
            _nodeLock?.Dispose();
            throw new SearchIndexInUseException(_path, e);
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            // A damaged index is thrown away: the published content it was made from is in the database.
            _logger.LogWarning(e, "The search index at {Path} cannot be read; it is rebuilt", _path);
            CloseQuietly();
            foreach (var file in new DirectoryInfo(_path).EnumerateFiles().Where(f => f.Name != "node.lock"))
            {
                file.Delete();
            }

            OpenWriter(OpenMode.CREATE);
            NeedsRebuild = true;
        }
    }

    /// <summary>
    /// Holds the folder for this process, before Lucene touches it: Lucene's own write lock did not keep
    /// a second process on this machine out, and two writers on one folder destroy each other's files.
    /// </summary>
    private void TakeFolder()
    {
        try
        {
            _nodeLock = new FileStream(System.IO.Path.Combine(_path, "node.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SearchIndexInUseException(_path, e);
        }
    }

    private void OpenWriter(OpenMode mode)
    {
        _directory = new MMapDirectory(new DirectoryInfo(_path));
        _writerDirectory = _options.MapMergeReads ? _directory : new MergeReadsDirectory(_directory);
        _writer = new IndexWriter(_writerDirectory, WriterConfig(mode));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>
    /// The writer as the settings ask: its buffer for new documents, one buffer per rebuild thread, and
    /// merges bounded in how many segments they combine, how large they grow and how many run at once.
    /// </summary>
    internal IndexWriterConfig WriterConfig(OpenMode mode)
    {
        var merges = new ConcurrentMergeScheduler();
        // Merges waiting beyond these stall the threads that add documents, so memory stays bounded.
        merges.SetMaxMergesAndThreads(_options.MergeThreads + 1, _options.MergeThreads);
        return new IndexWriterConfig(s_version, _analyzer)
        {
            OpenMode = mode,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = _options.WriterBufferMB,
            MaxThreadStates = Math.Max(1, _options.RebuildThreads),
            MergeScheduler = merges,
            MergePolicy = new TieredMergePolicy
            {
                MaxMergeAtOnce = _options.MaxMergeAtOnce,
                SegmentsPerTier = Math.Max(_options.MaxMergeAtOnce, 2),
                MaxMergedSegmentMB = _options.MaxMergedSegmentMB,
            },
        };
    }

    internal LiveIndexWriterConfig CurrentConfig => _writer.Config;

    /// <summary>The folder as the writer reads and writes it (merges read through <see cref="MergeReadsDirectory"/> unless mapped).</summary>
    internal Lucene.Net.Store.Directory WriterDirectory => _writer.Directory;

    private void CloseQuietly()
    {
        try
        {
            (_searchers as IDisposable)?.Dispose();
            (_writer as IDisposable)?.Dispose();
            (_writerDirectory as IDisposable)?.Dispose();
            (_directory as IDisposable)?.Dispose();
        }
        catch (Exception e) when (e is IOException or CorruptIndexException)
        {
            _logger.LogDebug(e, "Closing a damaged index");
        }
    }

    /// <summary>Every searcher scores with BM25, as the writer does.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
