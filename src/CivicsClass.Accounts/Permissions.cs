using CivicsClass.Content.Security;

namespace CivicsClass.Accounts;

/// <summary>The permissions of the host's own features: people, roles and settings; modules declare theirs beside their code.</summary>
public sealed class SitePermissions : IPermissionProvider
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageRoles = nameof(ManageRoles);
    public const string ManageSettings = nameof(ManageSettings);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, "管理用户", "系统"),
        new(ManageRoles, "管理角色和权限", "系统"),
        new(ManageSettings, "管理站点设置", "系统"),
    ];
}
