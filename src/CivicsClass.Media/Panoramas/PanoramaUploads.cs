using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using Microsoft.AspNetCore.Http;

namespace CivicsClass.Media.Panoramas;

/// <summary>
/// Takes a panorama into the media library: every check any image upload gets (type by content, structure, size,
/// pixels, the person's quota), and the 2:1 shape, checked before anything is kept.
/// </summary>
public sealed class PanoramaUploads(MediaUploads uploads)
{
    public Task<UploadResult> UploadAsync(IFormFile upload, string? uploadedBy, CancellationToken cancellationToken = default) =>
        uploads.UploadAsync(upload, folderId: null, uploadedBy, MediaKind.Image, cancellationToken, PanoramaShape.Check);
}
