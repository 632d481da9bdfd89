namespace CivicsClass.Content.Parts;

/// <summary>A part's inputs in the generated editor, and how the posted form is read back into the part.</summary>
public interface IPartEditor : IContentPartUnit
{
    EditorPlacement Placement => EditorPlacement.Body;

    Task BuildAsync(PartEditorContext context);

    /// <summary>Reads the posted form into the item; a value that cannot be read is reported, keyed to its input.</summary>
    Task UpdateAsync(PartUpdateContext context);
}
