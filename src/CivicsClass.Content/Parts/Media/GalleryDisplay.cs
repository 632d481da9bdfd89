namespace CivicsClass.Content.Parts;

public sealed record GalleryDisplay(IReadOnlyList<string> Images);
