using CivicsClass.Content.Security;

namespace CivicsClass.Web.Accounts;

/// <summary>The permissions of the host's own features: people, roles, settings and media; other modules declare theirs beside their code.</summary>
public sealed class SitePermissions : IPermissionProvider
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageRoles = nameof(ManageRoles);
    public const string ManageSettings = nameof(ManageSettings);
    public const string UploadMedia = nameof(UploadMedia);
    public const string ManageMedia = nameof(ManageMedia);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, "管理用户", "系统"),
        new(ManageRoles, "管理角色和权限", "系统"),
        new(ManageSettings, "管理站点设置", "系统"),
        new(UploadMedia, "上传图片和音视频", "媒体"),
        new(ManageMedia, "管理媒体库", "媒体"),
    ];
}
