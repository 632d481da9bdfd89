namespace CivicsClass.Search;

public sealed class SearchOptions
{
    /// <summary>How many recent results to keep; 0 turns the result cache off.</summary>
    public int ResultCacheSize { get; set; } = 500;

    /// <summary>
    /// Whether this node works through the indexing queue in the background. Off on nodes that only
    /// serve: any node that has it on (or the <c>search rebuild</c> command) indexes for all of them.
    /// </summary>
    public bool IndexInBackground { get; set; } = true;
}
