namespace CivicsClass.Content.Parts;

/// <summary>The ids of the items a list holds, in the editor's order, for the page to show as cards.</summary>
public sealed record ListedItemsDisplay(IReadOnlyList<string> ContentItemIds);
