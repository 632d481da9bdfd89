using CivicsClass.Media.Storage;

namespace CivicsClass.Media.Library;

/// <summary>A file in the library: what the store keeps under <see cref="MediaKey"/>, with the name people know it by.</summary>
public sealed record MediaFile(string MediaKey, string Name, long? FolderId, string ContentType, string Kind, long SizeBytes, int? Width, int? Height,
    string? UploadedBy, DateTime CreatedUtc)
{
    public string Url => Storage.MediaKey.Url(MediaKey);

    public bool IsImage => Kind == nameof(MediaKind.Image);

    /// <summary>An image much taller than wide: an infographic or mind map (长图).</summary>
    public bool IsLong(double ratio) => IsImage && Width > 0 && Height >= Width * ratio;
}
