using CivicsClass.Data.Documents;

namespace CivicsClass.Web.Accounts;

/// <summary>A person who signs in. The password is kept only as ASP.NET Core Identity's hash.</summary>
public sealed class User : Document
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
    public string PasswordHash { get; set; } = "";
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public List<string> Roles { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
}

public sealed record UserIndex(string NormalizedUserName, string? NormalizedEmail, string? PhoneNumber);

internal sealed class UserIndexProvider : IndexProvider<User, UserIndex>
{
    public override string Table => "user_index";

    protected override IEnumerable<UserIndex> Map(User user)
    {
        yield return new UserIndex(user.UserName.ToUpperInvariant(), user.Email?.ToUpperInvariant(), user.PhoneNumber);
    }
}
