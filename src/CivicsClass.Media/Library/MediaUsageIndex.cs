namespace CivicsClass.Media.Library;

/// <summary>One row per media file a reachable content version points at, wherever the address sits: cover, gallery, player, Markdown.</summary>
internal sealed record MediaUsageIndex(string ContentItemId, string MediaKey, bool Latest, bool Published);
