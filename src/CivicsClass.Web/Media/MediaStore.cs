using System.Security.Cryptography;

namespace CivicsClass.Web.Media;

/// <summary>Where uploaded files live, addressed by keys the store makes up (never by names users choose).</summary>
public interface IMediaStore
{
    Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken = default);

    Stream? OpenRead(string key);

    /// <summary>The newest files first, for pickers.</summary>
    IReadOnlyList<string> ListNewest(int take);
}

/// <summary>Files under <c>App_Data/media</c>, one per key.</summary>
public sealed class FileSystemMediaStore(string root) : IMediaStore
{
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(root);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var temporary = Path.Combine(root, key + ".part");
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, Path.Combine(root, key));
        return key;
    }

    public Stream? OpenRead(string key)
    {
        if (!MediaKey.IsValid(key))
        {
            return null;
        }

        var path = Path.Combine(root, key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public IReadOnlyList<string> ListNewest(int take) =>
        !Directory.Exists(root)
            ? []
            : new DirectoryInfo(root).EnumerateFiles().Where(f => MediaKey.IsValid(f.Name))
                .OrderByDescending(f => f.LastWriteTimeUtc).Take(take).Select(f => f.Name).ToList();
}

public static class MediaKey
{
    /// <summary>32 hex digits and a known extension: nothing that could climb out of the folder.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 33 and < 40 && key[..32].All(char.IsAsciiHexDigitLower) && MediaSniffer.Types.Any(t => key[32..] == t.Extension);
}

/// <summary>Recognises an upload by its first bytes, whatever its name says.</summary>
public static class MediaSniffer
{
    public sealed record MediaType(string Extension, string ContentType, byte[] Magic, int Offset = 0);

    public static readonly IReadOnlyList<MediaType> Types =
    [
        new(".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        new(".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new(".gif", "image/gif", "GIF8"u8.ToArray()),
        new(".webp", "image/webp", "WEBP"u8.ToArray(), 8),
    ];

    public static MediaType? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var type in Types)
        {
            if (head.Length >= type.Offset + type.Magic.Length && head.Slice(type.Offset, type.Magic.Length).SequenceEqual(type.Magic)
                && (type.Extension != ".webp" || head[..4].SequenceEqual("RIFF"u8)))
            {
                return type;
            }
        }

        return null;
    }

    public static MediaType? ForKey(string key) => Types.FirstOrDefault(t => key.EndsWith(t.Extension, StringComparison.Ordinal));
}
