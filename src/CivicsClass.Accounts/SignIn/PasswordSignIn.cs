using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Accounts.SignIn;

/// <summary>
/// Checks a typed account and password for the sign-in page and the app alike. An unknown account costs
/// the same work as a known one (a password hash is verified either way) and gets the same answer, so
/// neither the words nor the time tell which accounts exist. Failures are throttled, never locked.
/// </summary>
public sealed class PasswordSignIn(UserManager<User> users, SignInThrottle throttle)
{
    private static string? _dummyHash;

    /// <summary>The account when the password is right; otherwise null, with how long to wait when attempts are being throttled.</summary>
    public sealed record Outcome(User? User, TimeSpan Wait)
    {
        public bool Throttled => Wait > TimeSpan.Zero;

        /// <summary>Whole seconds to wait, at least one, for the message and Retry-After.</summary>
        public int WaitSeconds => (int)Math.Ceiling(Math.Max(Wait.TotalSeconds, 1));
    }

    public async Task<Outcome> CheckAsync(string? phoneOrEmail, string? password, HttpContext context)
    {
        var keys = SignInThrottle.KeysFor(phoneOrEmail, context);
        var wait = await throttle.WaitAsync(keys);
        if (wait > TimeSpan.Zero)
        {
            return new Outcome(null, wait);
        }

        var user = await AccountName.FindAsync(users, phoneOrEmail);
        bool right;
        if (user is null || string.IsNullOrEmpty(password))
        {
            _dummyHash ??= users.PasswordHasher.HashPassword(new User(), Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(new User(), _dummyHash, password ?? "");
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(user, password);
        }

        if (!right)
        {
            await throttle.FailedAsync(keys);
            return new Outcome(null, TimeSpan.Zero);
        }

        await throttle.SucceededAsync(keys);
        return new Outcome(user, TimeSpan.Zero);
    }
}
