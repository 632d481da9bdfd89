using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts.Maintenance;

/// <summary>Sign-in sessions that were ended by signing out, or started longer ago than any cookie can live.</summary>
internal sealed class SignInSessionSweep(IDocumentStore store, IOptions<AccountsRetentionOptions> options) : IExpiredDataSweep
{
    public const string SweepName = "sign-in-session";

    public string Name => SweepName;

    public string Label => "已退出或过期的登录会话";

    public async Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc));
        var ended = (at - TimeSpan.FromHours(Math.Max(0, options.Value.EndedSignInSessionHours))).ToUnixTimeMilliseconds();
        var started = (at - TimeSpan.FromDays(Math.Max(1, options.Value.SignInSessionDays))).ToUnixTimeMilliseconds();
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        var removed = await connection.ExecuteAsync($"""
            DELETE FROM sign_in_session WHERE id IN (
                SELECT id FROM sign_in_session WHERE ended_ms < @ended OR started_ms < @started LIMIT @limit{session.Dialect.SkipLocked})
            """, new { ended, started, limit }, transaction);
        await session.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
