using CivicsClass.Accounts.SignIn;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts.Maintenance;

/// <summary>
/// Failed sign-in counts past the throttle's window: they slow nobody down any more. A failure tidies such rows as it goes,
/// but an address or typed name that never fails again would keep its row for ever.
/// </summary>
internal sealed class SignInThrottleSweep(IDocumentStore store, IOptions<AccountsRetentionOptions> options) : IExpiredDataSweep
{
    public const string SweepName = "sign-in-throttle";

    public string Name => SweepName;

    public string Label => "过期的登录失败计数";

    public async Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var kept = TimeSpan.FromHours(Math.Max(0, options.Value.SignInThrottleHours));
        var before = (new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)) - (kept > SignInThrottle.Window ? kept : SignInThrottle.Window)).ToUnixTimeMilliseconds();
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        var removed = await connection.ExecuteAsync($"""
            DELETE FROM sign_in_throttle WHERE throttle_key IN (
                SELECT throttle_key FROM sign_in_throttle WHERE last_failure_ms < @before LIMIT @limit{session.Dialect.SkipLocked})
            """, new { before, limit }, transaction);
        await session.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
