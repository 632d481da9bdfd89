namespace CivicsClass.Theme.Models;

/// <summary>An image as the page shows it: the sizes on offer, the box it fills, and whether it is a long image (长图).</summary>
public sealed record ThemeImage(string Src, string? SrcSet, int? Width, int? Height, bool IsLong, string Original);

/// <summary>What a view asks the <c>_Image</c> partial for: an address, a profile set, the <c>sizes</c> the layout gives it.</summary>
public sealed record ImageRequest(string Url, string Set, string Sizes, string Alt = "", string? CssClass = null, bool Lazy = true);
