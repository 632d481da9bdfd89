namespace CivicsClass.Content.Parts;

/// <summary>A stable handle for items that code looks up by name (taxonomies).</summary>
public sealed class AliasPart
{
    public string Alias { get; set; } = "";
}
