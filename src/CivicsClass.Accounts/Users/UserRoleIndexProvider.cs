using CivicsClass.Data.Documents;

namespace CivicsClass.Accounts.Users;

internal sealed class UserRoleIndexProvider : IndexProvider<User, UserRoleIndex>
{
    public override string Table => "user_role_index";

    protected override IEnumerable<UserRoleIndex> Map(User user) => user.Roles.Distinct(StringComparer.Ordinal).Select(r => new UserRoleIndex(r));
}
