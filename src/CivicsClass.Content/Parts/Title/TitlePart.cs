namespace CivicsClass.Content.Parts;

public sealed class TitlePart
{
    public string Title { get; set; } = "";
}
