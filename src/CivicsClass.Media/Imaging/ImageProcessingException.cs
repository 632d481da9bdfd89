namespace CivicsClass.Media.Imaging;

/// <summary>An image that libvips could not resize; the original is served instead.</summary>
public sealed class ImageProcessingException(string message) : Exception(message);
