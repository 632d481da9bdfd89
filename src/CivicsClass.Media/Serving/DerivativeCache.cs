using CivicsClass.Media.Imaging;

namespace CivicsClass.Media.Serving;

/// <summary>
/// Derivatives on disk under <c>media-cache/{key}/</c>, made once and kept: a key's bytes never change.
/// Files are written under a temporary name and moved into place, so a reader never sees half a file.
/// At most one image per processor core is decoded at a time, which bounds memory under load.
/// </summary>
public sealed class DerivativeCache(string root, IImageProcessor images)
{
    private readonly SemaphoreSlim _rendering = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public static string FileName(string profileName, ImageProfile profile, ImageFormat format) => $"{profileName}-{profile.Signature}.{format.Extension()}";

    /// <summary>The derivative's path, made now from <paramref name="original"/> when it is not on disk yet.</summary>
    public async Task<string> GetOrCreateAsync(string key, string profileName, ImageProfile profile, ImageFormat format, Func<Task<byte[]>> original,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, key, FileName(profileName, profile, format));
        if (File.Exists(path))
        {
            return path;
        }

        var bytes = await original();
        await _rendering.WaitAsync(cancellationToken);
        byte[] derivative;
        try
        {
            derivative = images.Render(bytes, profile, format);
        }
        finally
        {
            _rendering.Release();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllBytesAsync(temporary, derivative, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Drops every derivative of a deleted file.</summary>
    public void Remove(string key)
    {
        var folder = Path.Combine(root, key);
        if (Storage.MediaKey.IsValid(key) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
