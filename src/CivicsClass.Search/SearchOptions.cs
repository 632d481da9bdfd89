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
}
