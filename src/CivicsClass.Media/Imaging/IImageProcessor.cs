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
