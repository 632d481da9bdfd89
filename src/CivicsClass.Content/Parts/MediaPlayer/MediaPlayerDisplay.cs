namespace CivicsClass.Content.Parts;

public sealed record MediaPlayerDisplay(string? VideoUrl, string? AudioUrl);
