using Microsoft.AspNetCore.Authorization;

namespace CivicsClass.Content.Security;

/// <summary>Marks an action or endpoint as needing a permission; checked on the server, answered with 403 when missing.</summary>
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicy.Prefix + permission);
