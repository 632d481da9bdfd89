using System.Data.Common;
using CivicsClass.Data.Dialects;
using Dapper;

namespace CivicsClass.Operations.Backups;

/// <summary>What a backup promises to bring back, counted the same way before and after.</summary>
internal sealed record SiteCounts(long Items, long Versions, long Users, long LedgerEntries, long LedgerPoints)
{
    public static readonly SiteCounts Empty = new(0, 0, 0, 0, 0);

    public bool IsEmpty => this == Empty;

    /// <summary>Counts in whatever transaction <paramref name="connection"/> is in; a table not yet created counts as empty.</summary>
    public static async Task<SiteCounts> ReadAsync(DbConnection connection, ISqlDialect dialect, DbTransaction? transaction = null)
    {
        async Task<long> CountAsync(string table, string sql) =>
            await dialect.TableExistsAsync(connection, table) ? await connection.ExecuteScalarAsync<long>(sql, transaction: transaction) : 0;

        return new SiteCounts(
            await CountAsync("content_item_index", "SELECT COUNT(DISTINCT content_item_id) FROM content_item_index"),
            await CountAsync("content_item_index", "SELECT COUNT(*) FROM content_item_index"),
            await CountAsync("user_index", "SELECT COUNT(*) FROM user_index"),
            await CountAsync("points_entry", "SELECT COUNT(*) FROM points_entry"),
            await CountAsync("points_entry", "SELECT COALESCE(SUM(points), 0) FROM points_entry"));
    }

    public static async Task<Dictionary<string, int>> MigrationStepsAsync(DbConnection connection, ISqlDialect dialect, DbTransaction? transaction = null)
    {
        if (!await dialect.TableExistsAsync(connection, "migration_record"))
        {
            return [];
        }

        var rows = await connection.QueryAsync<MigrationRow>("SELECT module, step FROM migration_record", transaction: transaction);
        return rows.ToDictionary(r => r.Module, r => r.Step);
    }

    private sealed class MigrationRow
    {
        public string Module { get; init; } = "";
        public int Step { get; init; }
    }

    public override string ToString() =>
        $"content items {Items}, versions {Versions}, users {Users}, ledger entries {LedgerEntries} ({LedgerPoints} points)";
}
