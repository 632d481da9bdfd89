using CivicsClass.Content.Parts;

namespace CivicsClass.Media.Formats;

/// <summary>A lesson's format label, from what it really has: a video, an audio recording, a long image (长图), or text with pictures.</summary>
internal static class LessonFormats
{
    public const string FieldName = "Format";
    public const string Video = "视频";
    public const string Audio = "音频";
    public const string LongImage = "长图";
    public const string Text = "图文";

    public static string Derive(MediaPlayerPart? player, bool hasLongImage) =>
        !string.IsNullOrWhiteSpace(player?.VideoUrl) ? Video
        : !string.IsNullOrWhiteSpace(player?.AudioUrl) ? Audio
        : hasLongImage ? LongImage
        : Text;
}
