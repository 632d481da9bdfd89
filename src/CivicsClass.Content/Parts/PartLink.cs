namespace CivicsClass.Content.Parts;

/// <summary>One outside link in a <see cref="PartSection"/>: opened in a new tab, without passing on the page or vouching for it.</summary>
public sealed record PartLink(string Text, string Url, string? Note);
