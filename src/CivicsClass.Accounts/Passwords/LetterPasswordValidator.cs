using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Accounts.Passwords;

/// <summary>A password needs a letter as well as a digit; upper case and symbols are not required, since many type on a phone keypad.</summary>
internal sealed class LetterPasswordValidator(IdentityErrorDescriber errors) : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(password is not null && password.Any(char.IsLetter) ? IdentityResult.Success : IdentityResult.Failed(errors.PasswordRequiresLower()));
}
