namespace CivicsClass.Media.Storage;

/// <summary>Recognises a file by its first bytes, whatever its name says. Anything not listed is refused.</summary>
internal static class MediaSniffer
{
    public static readonly MediaType Jpeg = new(".jpg", "image/jpeg", MediaKind.Image, "JPEG");
    public static readonly MediaType Png = new(".png", "image/png", MediaKind.Image, "PNG");
    public static readonly MediaType Gif = new(".gif", "image/gif", MediaKind.Image, "GIF");
    public static readonly MediaType Webp = new(".webp", "image/webp", MediaKind.Image, "WebP");
    public static readonly MediaType Mp3 = new(".mp3", "audio/mpeg", MediaKind.Audio, "MP3");
    public static readonly MediaType M4a = new(".m4a", "audio/mp4", MediaKind.Audio, "M4A");
    public static readonly MediaType Mp4 = new(".mp4", "video/mp4", MediaKind.Video, "MP4");
    public static readonly MediaType Pdf = new(".pdf", "application/pdf", MediaKind.Document, "PDF");

    public static readonly IReadOnlyList<MediaType> Types = [Jpeg, Png, Gif, Webp, Mp3, M4a, Mp4, Pdf];

    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 64;

    public static MediaType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        // ISO media: a box "ftyp" whose major brand says audio-only (M4A/M4B) or anything else (MP4).
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return head[8..12].SequenceEqual("M4A "u8) || head[8..12].SequenceEqual("M4B "u8) ? M4a : Mp4;
        }

        // MP3: an ID3 tag, or straight into an MPEG audio frame (11 sync bits, layer III).
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE6) == 0xE2))
        {
            return Mp3;
        }

        return null;
    }

    /// <summary>Markup that a browser could run (SVG, HTML, XML), told apart so the refusal can say why.</summary>
    public static bool IsMarkup(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return text.StartsWith('<') && (text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<svg", StringComparison.Ordinal)
            || text.StartsWith("<!doctype", StringComparison.Ordinal) || text.StartsWith("<html", StringComparison.Ordinal) || text.Contains("<script", StringComparison.Ordinal));
    }

    public static MediaType? ForKey(string key) => Types.FirstOrDefault(t => key.EndsWith(t.Extension, StringComparison.Ordinal));
}
