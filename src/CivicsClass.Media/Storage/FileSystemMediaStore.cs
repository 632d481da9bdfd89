using System.Security.Cryptography;

namespace CivicsClass.Media.Storage;

/// <summary>Files in one folder, one per key; written under a temporary name and moved into place, so a reader never sees half a file.</summary>
internal sealed class FileSystemMediaStore(string root) : IMediaStore
{
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken = default)
    {
        if (!MediaSniffer.Types.Any(t => t.Extension == extension))
        {
            throw new ArgumentException($"Unknown media extension '{extension}'.", nameof(extension));
        }

        Directory.CreateDirectory(root);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var temporary = Path.Combine(root, key + ".part");
        try
        {
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, Path.Combine(root, key));
        }
        finally
        {
            File.Delete(temporary);
        }

        return key;
    }

    public Stream? OpenRead(string key) =>
        MediaKey.IsValid(key) && File.Exists(Path.Combine(root, key)) ? new FileStream(Path.Combine(root, key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true) : null;

    public bool Exists(string key) => MediaKey.IsValid(key) && File.Exists(Path.Combine(root, key));

    public bool Delete(string key)
    {
        if (!Exists(key))
        {
            return false;
        }

        File.Delete(Path.Combine(root, key));
        return true;
    }

    public IEnumerable<(string Key, long Size)> List() =>
        Directory.Exists(root)
            ? new DirectoryInfo(root).EnumerateFiles().Where(f => MediaKey.IsValid(f.Name)).Select(f => (f.Name, f.Length))
            : [];

    public int Count() => Directory.Exists(root) ? Directory.EnumerateFiles(root).Count(f => MediaKey.IsValid(Path.GetFileName(f))) : 0;
}
