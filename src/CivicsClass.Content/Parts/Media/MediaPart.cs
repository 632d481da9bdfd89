namespace CivicsClass.Content.Parts;

/// <summary>Cover image and gallery, as media library keys.</summary>
public sealed class MediaPart
{
    public string? Cover { get; set; }
    public List<string> Gallery { get; set; } = [];
}
