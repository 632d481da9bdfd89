using CivicsClass.Data.Documents;

namespace CivicsClass.Accounts.Users;

internal sealed class UserIndexProvider : IndexProvider<User, UserIndex>
{
    public override string Table => "user_index";

    protected override IEnumerable<UserIndex> Map(User user)
    {
        yield return new UserIndex(user.NormalizedUserName, user.NormalizedEmail, user.PhoneNumber, user.DisplayName, user.CreatedUtc);
    }
}
