using System.Globalization;

namespace CivicsClass.Search;

public sealed class SearchOptions
{
    /// <summary>How many recent results to keep; 0 turns the result cache off.</summary>
    public int ResultCacheSize { get; set; } = 500;

    /// <summary>
    /// The node's own Lucene index folder; relative paths are under <c>App_Data</c>. Every node keeps
    /// its own: it is rebuilt from the published content when it is missing.
    /// </summary>
    public string IndexPath { get; set; } = "search";

    /// <summary>How often a node looks at the index log when no change has woken it (a missed notification, SQLite).</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>Tasks applied together; a long catch-up is made durable after each full batch.</summary>
    public int ApplyBatchSize { get; set; } = 500;

    /// <summary>How long the index log keeps tasks; a node whose cursor is older than what is kept rebuilds its index.</summary>
    public double LogRetentionHours { get; set; } = 24 * 7;

    /// <summary>How often a node adds its search counts (for editors' trend charts) to the database.</summary>
    public double TallySeconds { get; set; } = 30;

    /// <summary>
    /// Published items a rebuild reads, builds and adds together: the most documents it holds at once
    /// besides what the index writer buffers.
    /// </summary>
    public int RebuildChunkSize { get; set; } = 50;

    /// <summary>
    /// Threads that analyse documents at once during a rebuild; each fills a buffer of its own in the
    /// writer. 0: one for each core.
    /// </summary>
    public int IndexingThreads { get; set; }

    /// <summary>The index writer's buffer for new documents, in MB: a full buffer is written as a segment.</summary>
    public double WriterBufferMB { get; set; } = 8;

    /// <summary>Segments a merge combines at most (the merge policy's "merge at once").</summary>
    public int MaxMergeAtOnce { get; set; } = 10;

    /// <summary>The largest segment merges make, in MB; larger segments are left as they are.</summary>
    public double MaxMergedSegmentMB { get; set; } = 5 * 1024;

    /// <summary>Merges that run at once, each on a thread of its own; others wait for them.</summary>
    public int MergeThreads { get; set; } = 1;

    /// <summary>
    /// Whether merges read the segments they combine through the memory map, as searches do. Off, they
    /// read through ordinary buffered reads: what they read stays in the system's file cache, not in the
    /// process's resident memory.
    /// </summary>
    public bool MapMergeReads { get; set; }

    /// <summary>Every setting that is out of range, with what it must be; empty when all are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool ok, string name, object value, string range)
        {
            if (!ok)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Search:{name} must be {range}; it is {value}."));
            }
        }

        Check(ResultCacheSize >= 0, nameof(ResultCacheSize), ResultCacheSize, "0 (off) or more");
        Check(!string.IsNullOrWhiteSpace(IndexPath), nameof(IndexPath), $"'{IndexPath}'", "a folder");
        Check(PollSeconds is > 0 and <= 3600, nameof(PollSeconds), PollSeconds, "more than 0 and at most 3600");
        Check(ApplyBatchSize is >= 1 and <= 100_000, nameof(ApplyBatchSize), ApplyBatchSize, "between 1 and 100000");
        Check(LogRetentionHours > 0, nameof(LogRetentionHours), LogRetentionHours, "more than 0");
        Check(TallySeconds > 0, nameof(TallySeconds), TallySeconds, "more than 0");
        Check(RebuildChunkSize is >= 1 and <= 10_000, nameof(RebuildChunkSize), RebuildChunkSize, "between 1 and 10000");
        Check(IndexingThreads is >= 0 and <= 64, nameof(IndexingThreads), IndexingThreads, "between 0 (one for each core) and 64");
        // Lucene takes a buffer below 2048 MB.
        Check(WriterBufferMB is >= 1 and < 2048, nameof(WriterBufferMB), WriterBufferMB, "at least 1 and less than 2048");
        Check(MaxMergeAtOnce is >= 2 and <= 100, nameof(MaxMergeAtOnce), MaxMergeAtOnce, "between 2 and 100");
        Check(MaxMergedSegmentMB >= 1, nameof(MaxMergedSegmentMB), MaxMergedSegmentMB, "at least 1");
        Check(MergeThreads is >= 1 and <= 16, nameof(MergeThreads), MergeThreads, "between 1 and 16");
        return problems;
    }

    /// <summary>Throws, naming every setting out of range, when any is.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The search settings cannot be used: " + string.Join(' ', problems));
        }
    }

    /// <summary>Rebuild threads: the setting, or one for each core.</summary>
    internal int RebuildThreads => IndexingThreads > 0 ? IndexingThreads : Environment.ProcessorCount;
}
