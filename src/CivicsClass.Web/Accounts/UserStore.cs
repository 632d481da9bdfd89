using CivicsClass.Data.Documents;
using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Web.Accounts;

public sealed class UserStore(ISession session, IPasswordHasher<User> hasher, TimeProvider clock)
{
    public async Task<User?> FindByNameAsync(string userName) =>
        (await session.QueryAsync<User>("user_index", "i.normalized_user_name = @name", new { name = userName.ToUpperInvariant() }, take: 1))
            .FirstOrDefault();

    public Task<int> CountAsync() => session.CountAsync("user_index", "1 = 1");

    public async Task<User> CreateAsync(string userName, string displayName, string password, IEnumerable<string> roles)
    {
        var user = new User
        {
            UserName = userName,
            DisplayName = displayName,
            Roles = roles.ToList(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        await session.SaveAsync(user);
        return user;
    }

    public bool CheckPassword(User user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
