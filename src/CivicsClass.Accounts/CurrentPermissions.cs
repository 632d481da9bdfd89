using System.Security.Claims;
using CivicsClass.Accounts.Authorization;

namespace CivicsClass.Accounts;

/// <summary>What the current person may do, for checks that depend on the item (its owner) and for deciding what to show.</summary>
public sealed class CurrentPermissions(IHttpContextAccessor http, RoleCatalog roles) : ICurrentPermissions
{
    private IReadOnlySet<string>? _granted;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public string? UserId => User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<bool> HasAsync(string permission) =>
        (_granted ??= await roles.PermissionsOfAsync(PermissionHandler.RolesOf(User))).Contains(permission);

    /// <summary>Edit any item with EditContent; one's own with EditOwnContent.</summary>
    public async Task<bool> CanEditAsync(string? owner) =>
        await HasAsync(ContentPermissions.EditContent) || (owner is not null && owner == UserId && await HasAsync(ContentPermissions.EditOwnContent));
}
