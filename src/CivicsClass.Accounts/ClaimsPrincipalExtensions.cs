using System.Security.Claims;
using CivicsClass.Accounts.Users;

namespace CivicsClass.Accounts;

/// <summary>Who a request's person is, from the claims <see cref="UserPrincipalFactory"/> put in the cookie or token.</summary>
public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(UserPrincipalFactory.DisplayNameClaim) ?? principal.Identity?.Name ?? "";
}
