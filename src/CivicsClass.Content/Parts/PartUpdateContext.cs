using CivicsClass.Content.Definitions;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Items;
using Microsoft.AspNetCore.Http;

namespace CivicsClass.Content.Parts;

/// <summary>A posted editor form to read into one part of an item.</summary>
public sealed record PartUpdateContext(ContentTypeDefinition Type, ContentPartDefinition Part, ContentItem Item, IFormCollection Form, IEditorErrors Errors);
