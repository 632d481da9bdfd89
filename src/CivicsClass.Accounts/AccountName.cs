using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Accounts;

/// <summary>What a person signs in with: a mainland mobile number or an e-mail address, in one canonical form.</summary>
public static partial class AccountName
{
    /// <summary>The canonical user name for what was typed, or null when it is neither a mobile number nor an e-mail address.</summary>
    public static string? Normalise(string? input, out bool isEmail)
    {
        isEmail = false;
        var text = (input ?? "").Trim();
        if (text.Contains('@'))
        {
            isEmail = true;
            return text.Length <= 254 && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.')
                ? text.ToLowerInvariant()
                : null;
        }

        var digits = Separators().Replace(text, "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        return MobileNumber().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileNumber();

    /// <summary>Finds an account by what was typed: a mobile number or e-mail in any usual form, or a plain user name (the first administrator's).</summary>
    public static async Task<User?> FindAsync(UserManager<User> users, string? phoneOrEmail)
    {
        if (string.IsNullOrWhiteSpace(phoneOrEmail))
        {
            return null;
        }

        var canonical = AccountName.Normalise(phoneOrEmail, out _);
        return await users.FindByNameAsync(canonical ?? phoneOrEmail.Trim());
    }
}
