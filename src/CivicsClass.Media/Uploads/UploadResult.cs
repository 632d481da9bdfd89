using CivicsClass.Media.Library;

namespace CivicsClass.Media.Uploads;

/// <summary>The file kept, or why it was refused.</summary>
public sealed record UploadResult(MediaFile? File, string? Error);
