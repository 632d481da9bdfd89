using System.Globalization;
using CivicsClass.Data.Documents;
using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Accounts.Users;

/// <summary>
/// ASP.NET Core Identity's user store over our documents, on either database. Each change is
/// committed at once, as Identity expects; a stale save is reported as Identity's concurrency failure.
/// </summary>
public sealed class UserStore(ISession session, IdentityErrorDescriber errors, IEnumerable<IAccountHandler> handlers) :
    IUserPasswordStore<User>,
    IUserEmailStore<User>,
    IUserPhoneNumberStore<User>,
    IUserSecurityStampStore<User>,
    IUserLockoutStore<User>,
    IUserRoleStore<User>
{
    public async Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken) => await CommitAsync(user, cancellationToken);

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken) => await CommitAsync(user, cancellationToken);

    public async Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken)
    {
        await session.DeleteAsync(user, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<User?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await session.GetAsync<User>(id, cancellationToken) : null;

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindOneAsync("i.normalized_user_name = @value", normalizedUserName, cancellationToken);

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FindOneAsync("i.normalized_email = @value", normalizedEmail, cancellationToken);

    public Task<User?> FindByPhoneNumberAsync(string phoneNumber, CancellationToken cancellationToken) =>
        FindOneAsync("i.phone_number = @value", phoneNumber, cancellationToken);

    public async Task<IList<User>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        (await session.QueryAsync<User>("user_index", "EXISTS (SELECT 1 FROM user_role_index r WHERE r.document_id = i.document_id AND r.role = @role)",
            new { role = roleName }, orderBy: "i.document_id", cancellationToken: cancellationToken)).ToList();

    public Task<int> CountAsync() => session.CountAsync("user_index", "1 = 1");

    private async Task<User?> FindOneAsync(string where, string value, CancellationToken cancellationToken) =>
        (await session.QueryAsync<User>("user_index", where, new { value }, take: 1, cancellationToken: cancellationToken)).FirstOrDefault();

    private async Task<IdentityResult> CommitAsync(User user, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveAsync(user, cancellationToken);
            var saved = new SavedAccount(user.Id, user.DisplayName, user.OrganisationTermId, user.RegionTermId, user.ShowOnLeaderboards);
            foreach (var handler in handlers)
            {
                await handler.SavedAsync(session, saved);
            }

            await session.SaveChangesAsync(cancellationToken);
            return IdentityResult.Success;
        }
        catch (ConcurrencyException)
        {
            return IdentityResult.Failed(errors.ConcurrencyFailure());
        }
        catch (System.Data.Common.DbException e) when (session.Dialect.IsUniqueViolation(e))
        {
            // Someone registered the same name between the check and the insert.
            return IdentityResult.Failed(errors.DuplicateUserName(user.UserName));
        }
    }

    public Task<string> GetUserIdAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.UserId);
    public Task<string?> GetUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(User user, string? userName, CancellationToken cancellationToken) => Set(() => user.UserName = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken cancellationToken) => Set(() => user.NormalizedUserName = normalizedName ?? "");

    public Task SetPasswordHashAsync(User user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.PasswordHash = passwordHash ?? "");
    public Task<string?> GetPasswordHashAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.PasswordHash);
    public Task<bool> HasPasswordAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash.Length > 0);

    public Task SetEmailAsync(User user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = email);
    public Task<string?> GetEmailAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.Email);
    public Task<bool> GetEmailConfirmedAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);
    public Task SetEmailConfirmedAsync(User user, bool confirmed, CancellationToken cancellationToken) => Set(() => user.EmailConfirmed = confirmed);
    public Task<string?> GetNormalizedEmailAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(User user, string? normalizedEmail, CancellationToken cancellationToken) => Set(() => user.NormalizedEmail = normalizedEmail);

    public Task SetPhoneNumberAsync(User user, string? phoneNumber, CancellationToken cancellationToken) => Set(() => user.PhoneNumber = phoneNumber);
    public Task<string?> GetPhoneNumberAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.PhoneNumber);
    public Task<bool> GetPhoneNumberConfirmedAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.PhoneNumberConfirmed);
    public Task SetPhoneNumberConfirmedAsync(User user, bool confirmed, CancellationToken cancellationToken) => Set(() => user.PhoneNumberConfirmed = confirmed);

    public Task SetSecurityStampAsync(User user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(User user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd);
    public Task<int> IncrementAccessFailedCountAsync(User user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(User user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(User user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    public Task AddToRoleAsync(User user, string roleName, CancellationToken cancellationToken) =>
        Set(() => { if (!user.Roles.Contains(roleName, StringComparer.OrdinalIgnoreCase)) user.Roles.Add(roleName); });
    public Task RemoveFromRoleAsync(User user, string roleName, CancellationToken cancellationToken) =>
        Set(() => user.Roles.RemoveAll(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase)));
    public Task<IList<string>> GetRolesAsync(User user, CancellationToken cancellationToken) => Task.FromResult<IList<string>>(user.Roles.ToList());
    public Task<bool> IsInRoleAsync(User user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(user.Roles.Contains(roleName, StringComparer.OrdinalIgnoreCase));

    public void Dispose()
    {
    }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}
