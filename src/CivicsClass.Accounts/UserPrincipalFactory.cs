using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts;

/// <summary>Puts the person's roles and display name into the cookie or token, so a request needs no user lookup.</summary>
internal sealed class UserPrincipalFactory(UserManager<User> users, IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<User>(users, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return identity;
    }
}

/// <summary>A password needs a letter as well as a digit; upper case and symbols are not required, since many type on a phone keypad.</summary>
internal sealed class LetterPasswordValidator(IdentityErrorDescriber errors) : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(password is not null && password.Any(char.IsLetter) ? IdentityResult.Success : IdentityResult.Failed(errors.PasswordRequiresLower()));
}

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(UserPrincipalFactory.DisplayNameClaim) ?? principal.Identity?.Name ?? "";
}
