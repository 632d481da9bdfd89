using CivicsClass.Content.Security;

namespace CivicsClass.Media;

/// <summary>The media library's permissions, shown with every other module's when roles are edited.</summary>
public sealed class MediaPermissions : IPermissionProvider
{
    /// <summary>Upload files and see, rename, move and delete one's own.</summary>
    public const string UploadMedia = nameof(UploadMedia);

    /// <summary>Everyone's files, and the folders.</summary>
    public const string ManageMedia = nameof(ManageMedia);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(UploadMedia, "上传图片和音视频", "媒体"),
        new(ManageMedia, "管理媒体库", "媒体"),
    ];
}
