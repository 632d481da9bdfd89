namespace CivicsClass.Content.Parts;

public sealed class ReadingLink
{
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Note { get; set; }
}
