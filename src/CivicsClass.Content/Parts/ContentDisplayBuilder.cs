using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

/// <summary>Asks each part of an item's type what it shows on the item's page, in the parts' order.</summary>
public sealed class ContentDisplayBuilder(ContentDefinitionManager definitions, IEnumerable<IPartDisplay> displays, KnownParts parts)
{
    private readonly IReadOnlyList<IPartDisplay> _displays = displays.OrderBy(d => parts.Position(d.PartName)).ToList();

    public async Task<ContentDisplay> BuildAsync(ContentItem item)
    {
        var display = new ContentDisplay();
        if (await definitions.GetTypeAsync(item.ContentType) is not { } type)
        {
            return display;
        }

        foreach (var part in _displays)
        {
            if (type.Part(part.PartName) is { } definition)
            {
                await part.DisplayAsync(new PartDisplayContext(item, definition, display));
            }
        }

        return display;
    }
}
