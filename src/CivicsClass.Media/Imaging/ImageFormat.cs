namespace CivicsClass.Media.Imaging;

/// <summary>The formats derivatives are written in.</summary>
public enum ImageFormat
{
    Jpeg,
    Webp,
    Png,
}
