namespace CivicsClass.Content.Parts;

/// <summary>A lesson's video or audio.</summary>
public sealed class MediaPlayerPart
{
    public string? VideoUrl { get; set; }
    public string? AudioUrl { get; set; }
    public int? DurationSeconds { get; set; }
}
