namespace CivicsClass.Content.Parts;

/// <summary>The parts' share of a card; the site adds the type's own facts (byline, badge) and a generated cover when there is none.</summary>
public sealed class CardFacts
{
    public string? Url { get; set; }
    public string? Summary { get; set; }
    public string? Cover { get; set; }
}
