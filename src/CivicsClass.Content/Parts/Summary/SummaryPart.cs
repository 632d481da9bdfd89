namespace CivicsClass.Content.Parts;

public sealed class SummaryPart
{
    public string Summary { get; set; } = "";
}
