using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts.Maintenance;

/// <summary>
/// Refresh-token families whose every token expired more than <see cref="AccountsRetentionOptions.RefreshTokenFamilyHours"/> ago.
/// A family goes whole: while one of its tokens could still be used, the used ones must stay so that a replayed one ends it.
/// </summary>
internal sealed class RefreshTokenSweep(IDocumentStore store, IOptions<AccountsRetentionOptions> options) : IExpiredDataSweep
{
    public const string SweepName = "refresh-token";

    public string Name => SweepName;

    public string Label => "过期的刷新令牌";

    public async Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var before = (new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)) - TimeSpan.FromHours(Math.Max(0, options.Value.RefreshTokenFamilyHours))).ToUnixTimeMilliseconds();
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        // Families are taken a batch at a time; a batch removes their tokens, so it may remove more rows than families.
        var removed = await connection.ExecuteAsync("""
            DELETE FROM refresh_token WHERE family_id IN (
                SELECT family_id FROM refresh_token GROUP BY family_id HAVING MAX(expires_ms) < @before LIMIT @limit)
            """, new { before, limit }, transaction);
        await session.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
