namespace CivicsClass.Media.Storage;

/// <summary>What a file is to the site: shown, played, or downloaded.</summary>
public enum MediaKind
{
    Image,
    Audio,
    Video,
    Document,
}
