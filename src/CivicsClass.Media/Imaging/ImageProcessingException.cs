namespace CivicsClass.Media.Imaging;

/// <summary>An image that libvips could not resize; the original is served instead.</summary>
internal sealed class ImageProcessingException(string message) : Exception(message);
