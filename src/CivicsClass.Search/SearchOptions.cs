namespace CivicsClass.Search;

public sealed class SearchOptions
{
    /// <summary>How many recent results to keep; 0 turns the result cache off.</summary>
    public int ResultCacheSize { get; set; } = 500;
}
