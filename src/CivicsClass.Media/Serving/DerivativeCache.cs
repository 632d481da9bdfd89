using CivicsClass.Media.Imaging;

namespace CivicsClass.Media.Serving;

/// <summary>
/// Derivatives on disk under <c>media-cache/{key}/</c>, made once and kept: a key's bytes never change.
/// Files are written under a temporary name and moved into place, so a reader never sees half a file.
/// At most one image per processor core is decoded or drawn at a time, which bounds memory under load.
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

        await WriteAsync(path, derivative, cancellationToken);
        return path;
    }

    /// <summary>
    /// A generated image's own bytes, kept as <c>media-cache/{key}/source.png</c> beside its derivatives:
    /// drawn now by <paramref name="draw"/> when not on disk yet. Its key is a hash of what it is drawn from.
    /// </summary>
    public async Task<byte[]> GetOrCreateSourceAsync(string key, Func<byte[]> draw, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, key, "source.png");
        if (File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }

        await _rendering.WaitAsync(cancellationToken);
        byte[] drawn;
        try
        {
            drawn = draw();
        }
        finally
        {
            _rendering.Release();
        }

        await WriteAsync(path, drawn, cancellationToken);
        return drawn;
    }

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
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
