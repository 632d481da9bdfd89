using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CivicsClass.Accounts.Authorization;

/// <summary>Grants a <see cref="PermissionRequirement"/> when one of the person's roles (or the Anonymous role) holds the permission.</summary>
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
