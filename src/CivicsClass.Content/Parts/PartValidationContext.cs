using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Parts;

/// <summary>An item about to be saved, its type, the part's definition there, the session it is saved in and where failures go.</summary>
internal sealed record PartValidationContext(ContentItem Item, ContentTypeDefinition Type, ContentPartDefinition Part, ISession Session, ContentValidationResult Result);
