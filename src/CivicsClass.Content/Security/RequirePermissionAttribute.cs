using Microsoft.AspNetCore.Authorization;

namespace CivicsClass.Content.Security;

/// <summary>
/// Marks an action or endpoint as needing a permission; checked on the server, answered with 403 when
/// missing. Any module's controllers use it; the host turns the policy name back into the permission.
/// </summary>
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PolicyPrefix + permission)
{
    /// <summary>A policy named <c>Permission:X</c> requires permission X.</summary>
    public const string PolicyPrefix = "Permission:";
}
