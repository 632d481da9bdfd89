namespace CivicsClass.Content.Parts;

/// <summary>Where a part's inputs stand in the editor: before the type's own fields (title, address, summary) or after them.</summary>
public enum EditorPlacement
{
    Header,
    Body,
}
