namespace CivicsClass.Content.Parts;

public sealed class MarkdownBodyPart
{
    public string Markdown { get; set; } = "";
}
