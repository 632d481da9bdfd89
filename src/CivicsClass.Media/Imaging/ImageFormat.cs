namespace CivicsClass.Media.Imaging;

/// <summary>The formats derivatives are written in.</summary>
internal enum ImageFormat
{
    Jpeg,
    Webp,
    Png,
}
