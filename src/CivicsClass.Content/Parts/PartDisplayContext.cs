using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

public sealed record PartDisplayContext(ContentItem Item, ContentPartDefinition Part, ContentDisplay Display);
