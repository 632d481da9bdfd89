namespace CivicsClass.Media.Imaging;

/// <summary>Used when image processing is switched off or libvips cannot be loaded: nothing is decoded or resized.</summary>
internal sealed class NoImageProcessor(string reason) : IImageProcessor
{
    public bool IsAvailable => false;

    public string Description => reason;

    public ImageCheck Check(byte[] image) => new(0, 0);

    public byte[] Render(byte[] image, ImageProfile profile, ImageFormat format) =>
        throw new InvalidOperationException("No image library: originals are served instead.");
}
