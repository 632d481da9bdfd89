using CivicsClass.Media.Library;

namespace CivicsClass.Media.Uploads;

/// <summary>The file kept, or why it was refused.</summary>
internal sealed record UploadResult(MediaFile? File, string? Error);
