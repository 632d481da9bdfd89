using CivicsClass.Theme;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Accounts.Users;

/// <summary>Identity's messages in the site's language, from the theme's resources.</summary>
internal sealed class IdentityText(IStringLocalizer<SiteText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "IdentityDefaultError");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "IdentityConcurrencyFailure");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "IdentityPasswordMismatch");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "IdentityInvalidUserName");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "IdentityDuplicateUserName");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "IdentityDuplicateUserName");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "IdentityPasswordTooShort", length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "IdentityPasswordRequiresDigit");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "IdentityPasswordRequiresLetter");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "IdentityPasswordRequiresUniqueChars", uniqueChars);

    private IdentityError Error(string code, string key, params object[] arguments) => new() { Code = code, Description = text[key, arguments] };
}
