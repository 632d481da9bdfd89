namespace CivicsClass.Media.Imaging;

/// <summary>Decodes and resizes images. Without an image library the site serves originals.</summary>
public interface IImageProcessor
{
    bool IsAvailable { get; }

    /// <summary>The library and its version, or why there is none.</summary>
    string Description { get; }

    /// <summary>
    /// Decodes every pixel; returns the size as shown (after EXIF orientation), or a message when the
    /// file is cut short or corrupt. Called after the header's size was found within bounds.
    /// </summary>
    ImageCheck Check(byte[] image);

    /// <summary>The image at <paramref name="profile"/>'s size in <paramref name="format"/>, turned upright, with no metadata (EXIF, GPS) left.</summary>
    byte[] Render(byte[] image, ImageProfile profile, ImageFormat format);
}

public sealed record ImageCheck(int Width, int Height, string? Error = null);

/// <summary>Used when libvips is missing or switched off: nothing is decoded or resized.</summary>
public sealed class NoImageProcessor(string reason) : IImageProcessor
{
    public bool IsAvailable => false;

    public string Description => reason;

    public ImageCheck Check(byte[] image) => new(0, 0);

    public byte[] Render(byte[] image, ImageProfile profile, ImageFormat format) =>
        throw new InvalidOperationException("No image library: originals are served instead.");
}
