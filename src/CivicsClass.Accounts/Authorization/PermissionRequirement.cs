using Microsoft.AspNetCore.Authorization;

namespace CivicsClass.Accounts.Authorization;

/// <summary>Requires one permission, granted through the signed-in person's roles (or the Anonymous role).</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
