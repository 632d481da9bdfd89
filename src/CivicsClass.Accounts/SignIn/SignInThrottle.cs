using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts.SignIn;

/// <summary>
/// Slows password guessing without locking anyone out: after a few failures for an account, or from an
/// address, each further attempt must wait a delay that doubles with every failure, up to a ceiling. The
/// right password is always accepted once the wait is over, so nobody can lock the administrator out by
/// typing wrong passwords for them. The counts live in the database, shared by every node of a farm, and
/// are kept for typed names that match no account just as for real ones, so the answer tells nothing.
/// </summary>
public sealed class SignInThrottle(ISession session, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    /// <summary>Failures older than this are forgotten.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // An account's ceiling is short: the owner, who knows the password, waits at most this long.
    private static readonly TimeSpan AccountCeiling = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AddressCeiling = TimeSpan.FromMinutes(15);

    private readonly int _freePerAccount = options.Value.FreeSignInFailuresPerAccount;
    private readonly int _freePerAddress = options.Value.FreeSignInFailuresPerAddress;

    public sealed record Keys(string Account, string Address);

    private sealed class Row
    {
        public string ThrottleKey { get; set; } = "";
        public long Failures { get; set; }
        public long LastFailureMs { get; set; }
    }

    /// <summary>The throttle keys of an attempt: the account as typed (normalised, hashed so nothing typed is stored) and the client's address.</summary>
    public static Keys KeysFor(string? typedName, HttpContext context) =>
        new(AccountKey(typedName), "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"));

    public static string AccountKey(string? typedName)
    {
        var name = AccountName.Normalise(typedName, out _) ?? (typedName ?? "").Trim();
        return "account:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant())));
    }

    /// <summary>How long this attempt must still wait; zero when it may go ahead.</summary>
    public async Task<TimeSpan> WaitAsync(Keys keys)
    {
        const string sql = """
            SELECT throttle_key AS ThrottleKey, failures AS Failures, last_failure_ms AS LastFailureMs
            FROM sign_in_throttle WHERE throttle_key IN (@account, @address)
            """;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var wait = 0L;
        var rows = await session.ReadAsync((connection, transaction) => connection.QueryAsync<Row>(sql, new { account = keys.Account, address = keys.Address }, transaction));
        foreach (var row in rows)
        {
            var isAccount = row.ThrottleKey == keys.Account;
            var over = (int)row.Failures - (isAccount ? _freePerAccount : _freePerAddress);
            if (over < 0 || now - row.LastFailureMs > (long)Window.TotalMilliseconds)
            {
                continue;
            }

            var ceiling = (long)(isAccount ? AccountCeiling : AddressCeiling).TotalMilliseconds;
            var delay = Math.Min(1000L << Math.Min(over, 20), ceiling);
            wait = Math.Max(wait, row.LastFailureMs + delay - now);
        }

        return TimeSpan.FromMilliseconds(wait);
    }

    public async Task FailedAsync(Keys keys)
    {
        const string sql = """
            INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_ms) VALUES (@key, 1, @now)
            ON CONFLICT (throttle_key) DO UPDATE SET
                failures = CASE WHEN sign_in_throttle.last_failure_ms < @forgotten THEN 1 ELSE sign_in_throttle.failures + 1 END,
                last_failure_ms = @now
            """;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var forgotten = now - (long)Window.TotalMilliseconds;
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM sign_in_throttle WHERE last_failure_ms < @forgotten", new { forgotten }, transaction);
        foreach (var key in new[] { keys.Account, keys.Address })
        {
            await connection.ExecuteAsync(sql, new { key, now, forgotten }, transaction);
        }

        await session.SaveChangesAsync();
    }

    /// <summary>The account's count starts again; the address's does not, or guessing between one's own sign-ins would never slow down.</summary>
    public async Task SucceededAsync(Keys keys) => await ClearAccountAsync(keys.Account);

    /// <summary>Forgets an account's failures (an administrator's "unlock"). Commits the session's unit of work.</summary>
    public async Task ClearAccountAsync(string accountKey)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM sign_in_throttle WHERE throttle_key = @accountKey", new { accountKey }, transaction);
        await session.SaveChangesAsync();
    }
}
