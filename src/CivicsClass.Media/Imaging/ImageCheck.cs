namespace CivicsClass.Media.Imaging;

/// <summary>An image's size as shown, or why it could not be decoded.</summary>
public sealed record ImageCheck(int Width, int Height, string? Error = null);
