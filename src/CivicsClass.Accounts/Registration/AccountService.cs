using CivicsClass.Content.Security;
using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Accounts.Registration;

/// <summary>Registration as the site and the app both do it: a learner's account with the Worker role.</summary>
public sealed class AccountService(UserManager<User> users, TimeProvider clock, IdentityErrorDescriber errors)
{
    public const int MaxDisplayNameLength = 40;

    /// <summary>The text key of what is wrong with a (trimmed) display name, or null; its message takes the maximum length.</summary>
    public static string? DisplayNameProblem(string name) =>
        name.Length == 0 ? "DisplayNameRequired"
        : name.Length > MaxDisplayNameLength ? "DisplayNameTooLong"
        : TextSafety.HasHiddenCharacters(name) ? "DisplayNameHiddenCharacters"
        : TextSafety.ImitatesRole(name, isName: true) ? "DisplayNameImitatesRole"
        : null;

    public sealed record Registration(User? User, IReadOnlyList<(string Field, string Message)> Errors);

    public async Task<Registration> RegisterAsync(string? phoneOrEmail, string? password, string? displayName, Func<string, string> text)
    {
        var problems = new List<(string, string)>();
        var userName = AccountName.Normalise(phoneOrEmail, out var isEmail);
        if (userName is null)
        {
            problems.Add(("phoneOrEmail", text("PhoneOrEmailInvalid")));
        }

        var name = (displayName ?? "").Trim();
        if (DisplayNameProblem(name) is { } problem)
        {
            problems.Add(("displayName", string.Format(System.Globalization.CultureInfo.CurrentCulture, text(problem), MaxDisplayNameLength)));
        }

        if (string.IsNullOrEmpty(password))
        {
            problems.Add(("password", text("PasswordRequired")));
        }
        else
        {
            // Every problem at once, so a person fixes the form in one go.
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, new User { UserName = userName ?? "" }, password);
                problems.AddRange(check.Errors.Select(e => ("password", e.Description)));
            }
        }

        if (problems.Count > 0)
        {
            return new Registration(null, problems);
        }

        if (await users.FindByNameAsync(userName!) is not null)
        {
            return new Registration(null, [("phoneOrEmail", errors.DuplicateUserName(userName!).Description)]);
        }

        var user = new User
        {
            UserName = userName!,
            DisplayName = name,
            Email = isEmail ? userName : null,
            PhoneNumber = isEmail ? null : userName,
            Roles = [RoleCatalog.Worker],
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password!);
        return result.Succeeded
            ? new Registration(user, [])
            : new Registration(null, result.Errors.Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "phoneOrEmail", e.Description)).ToList());
    }
}
