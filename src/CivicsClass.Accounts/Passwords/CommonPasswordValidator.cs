using System.Collections.Frozen;
using CivicsClass.Theme;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Accounts.Passwords;

/// <summary>
/// Refuses the passwords guessers try first — the 10 000 most common (a data file, see NOTICE.md),
/// compared without regard to case — and any password that contains the account's name.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<SiteText> text) : IPasswordValidator<User>
{
    private const int ShortestNamePart = 3;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (Common.Value.Contains(password.ToLowerInvariant()))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = text["PasswordTooCommon"] });
        }

        if (NameParts(user.UserName).Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = text["PasswordContainsUserName"] });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>The name itself and, for an e-mail address, the part before the @ that people reuse.</summary>
    private static IEnumerable<string> NameParts(string userName)
    {
        var at = userName.IndexOf('@', StringComparison.Ordinal);
        return new[] { userName, at > 0 ? userName[..at] : "" }.Where(p => p.Length >= ShortestNamePart);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CivicsClass.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line.ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
