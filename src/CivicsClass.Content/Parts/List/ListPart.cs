namespace CivicsClass.Content.Parts;

/// <summary>Ordered children: a course's lessons, a topic's picks.</summary>
public sealed class ListPart
{
    public List<string> ContentItemIds { get; set; } = [];
}
