namespace CivicsClass.Content.Parts;

/// <summary>A library image's address and its file name, which names the choice to a screen reader.</summary>
public sealed record ImageChoice(string Url, string Name);
