using System.Security.Claims;
using CivicsClass.Content.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts;

/// <summary>Requires one permission, granted through the signed-in person's roles (or the Anonymous role).</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler(RoleCatalog roles) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if ((await roles.PermissionsOfAsync(RolesOf(context.User))).Contains(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }

    internal static IEnumerable<string> RolesOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindAll(ClaimTypes.Role).Select(c => c.Value) : [];
}

/// <summary>Turns a policy named <c>Permission:X</c> into a requirement for X, so endpoints name permissions directly.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = PermissionPolicy.Prefix;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(policyName[Prefix.Length..])).Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>What the current person may do, for checks that depend on the item (its owner) and for deciding what to show.</summary>
public sealed class Permissions(IHttpContextAccessor http, RoleCatalog roles) : ICurrentPermissions
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

internal sealed class AdminAccess(RoleCatalog roles) : Theme.IAdminAccess
{
    public async Task<bool> CanEnterAsync(ClaimsPrincipal user) =>
        (await roles.PermissionsOfAsync(PermissionHandler.RolesOf(user))).Contains(ContentPermissions.EditOwnContent);
}
