using Dapper;
using Microsoft.Data.Sqlite;

namespace CivicsClass.Operations.MigrateToPostgres;

/// <summary>
/// The tables of a SQLite site as its catalog lists them, in an order where every table comes
/// after the tables its foreign keys point to.
/// </summary>
internal static class SqliteCatalog
{
    /// <summary>
    /// Tables the target makes for itself: its own migration record (written by running the same
    /// migrations) and the search index log, which starts afresh there; every node rebuilds its index from the copied content.
    /// </summary>
    public static readonly IReadOnlySet<string> RebuiltOnTarget = new HashSet<string> { "migration_record", "search_index_head", "search_index_log", "search_index_failure" };

    public sealed record Table(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string> References);

    public static async Task<IReadOnlyList<Table>> TablesAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var all = (await connection.QueryAsync<(string Name, string? Sql)>(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name", transaction: transaction)).ToList();
        // FTS5 tables and the shadow tables behind them (search_fts_data, search_fts_idx, …).
        var virtualTables = all.Where(t => t.Sql?.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase) == true).Select(t => t.Name).ToList();
        var tables = new List<Table>();
        foreach (var (name, _) in all)
        {
            if (name.StartsWith("sqlite_", StringComparison.Ordinal) || RebuiltOnTarget.Contains(name)
                || virtualTables.Any(v => name == v || name.StartsWith(v + "_", StringComparison.Ordinal)))
            {
                continue;
            }

            var columns = await connection.QueryAsync<string>("SELECT name FROM pragma_table_info(@name) ORDER BY cid", new { name }, transaction);
            var references = await connection.QueryAsync<string>("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(@name)", new { name }, transaction);
            tables.Add(new Table(name, columns.ToList(), references.Where(r => r != name).ToList()));
        }

        return InDependencyOrder(tables);
    }

    private static List<Table> InDependencyOrder(List<Table> tables)
    {
        var ordered = new List<Table>();
        var placed = new HashSet<string>();
        var remaining = tables.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => t.References.All(r => placed.Contains(r) || tables.All(o => o.Name != r))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("Foreign keys form a cycle between " + string.Join(", ", remaining.Select(t => t.Name)));
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready.Select(t => t.Name));
            remaining.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    /// <summary>SQLite's double-quoted identifier, which PostgreSQL reads the same way.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
