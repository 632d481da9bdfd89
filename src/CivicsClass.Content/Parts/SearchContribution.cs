namespace CivicsClass.Content.Parts;

/// <summary>The parts' share of an item's search document; the search module adds the type's own names and filters.</summary>
public sealed class SearchContribution
{
    public string Path { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Plain text, joined by new lines into the body field.</summary>
    public List<string> Body { get; } = [];

    public List<string> Names { get; } = [];

    /// <summary>Filter values such as <c>theme_{termId}</c>.</summary>
    public List<string> Filters { get; } = [];
}
