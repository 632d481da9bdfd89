namespace CivicsClass.Content.Parts;

/// <summary>The body as safe HTML, for the page's main text.</summary>
public sealed record MarkdownBodyDisplay(string Html);
