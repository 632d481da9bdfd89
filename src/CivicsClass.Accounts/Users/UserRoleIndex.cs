namespace CivicsClass.Accounts.Users;

/// <summary>A row of <c>user_role_index</c>: one of a person's roles.</summary>
internal sealed record UserRoleIndex(string Role);
