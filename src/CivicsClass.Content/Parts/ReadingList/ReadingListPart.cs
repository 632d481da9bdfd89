namespace CivicsClass.Content.Parts;

/// <summary>延伸阅读: a few outside links a lesson points its readers to.</summary>
public sealed class ReadingListPart
{
    public List<ReadingLink> Links { get; set; } = [];
}
