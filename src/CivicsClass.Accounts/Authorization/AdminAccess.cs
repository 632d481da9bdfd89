using System.Security.Claims;

namespace CivicsClass.Accounts.Authorization;

/// <summary>Whether the person may enter the admin at all: anyone who may edit at least their own content.</summary>
internal sealed class AdminAccess(RoleCatalog roles) : Theme.IAdminAccess
{
    public async Task<bool> CanEnterAsync(ClaimsPrincipal user) =>
        (await roles.PermissionsOfAsync(PermissionHandler.RolesOf(user))).Contains(ContentPermissions.EditOwnContent);
}
