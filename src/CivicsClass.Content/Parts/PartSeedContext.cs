using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;

namespace CivicsClass.Content.Parts;

/// <summary>
/// One seed file being mapped into an item. <see cref="ResolveAsync"/> finds an item of one of the given types by its slug;
/// problems are thrown as <see cref="SeedException"/> naming the file and line.
/// </summary>
internal sealed record PartSeedContext(FrontMatterFile File, ContentTypeDefinition Type, ContentItem Item, string Slug,
    Func<IReadOnlyList<string>, string, int, Task<string>> ResolveAsync);
