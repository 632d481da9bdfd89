using CivicsClass.Content.Definitions;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

/// <summary>What a part editor shows inputs for: the item, its type and the part's settings there; inputs are added to <see cref="Fields"/>.</summary>
public sealed record PartEditorContext(ContentTypeDefinition Type, ContentPartDefinition Part, ContentItem Item, List<EditorField> Fields)
{
    public void Add(EditorField field) => Fields.Add(field);
}
