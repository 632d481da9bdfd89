using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

public static class AutorouteUrl
{
    /// <summary>The item's page, or its JSON when it has no address.</summary>
    public static string Of(ContentItem item) =>
        item.Get<AutoroutePart>(nameof(AutoroutePart))?.Path is { Length: > 0 } path ? "/" + path : $"/api/v1/content/item/{item.ContentItemId}";
}
