using System.Data;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Content.Items;

/// <summary>
/// What other modules read from or keep in the content index, asked here so that no other module names its tables.
/// </summary>
public static class ContentIndexReads
{
    /// <summary>The titles of the latest versions of these items, from the index rather than the items (an item that cannot be read still has its title).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LatestTitlesAsync(ISession session, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = await connection.QueryAsync<(string Id, string Title)>(
            $"SELECT content_item_id, display_text FROM content_item_index WHERE latest = TRUE AND {session.Dialect.InList("content_item_id", "ids")}",
            new { ids = ids.Distinct().ToArray() }, transaction);
        return rows.ToDictionary(r => r.Id, r => r.Title);
    }

    /// <summary>Every published item that has an address (and so a page), oldest first.</summary>
    public static async Task<IReadOnlyList<string>> PublishedWithAddressAsync(ISession session, CancellationToken cancellationToken = default)
    {
        var (connection, transaction) = await session.GetConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT content_item_id FROM content_item_index WHERE published = TRUE AND path IS NOT NULL AND path <> '' ORDER BY document_id",
            transaction: transaction, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Replaces every item's value of <paramref name="metric"/> (which <see cref="ContentQuery.OrderField"/> can sort by) with the
    /// rows <paramref name="valuesSql"/> selects as <c>content_item_id</c> and <c>value</c>, in the caller's transaction.
    /// </summary>
    public static Task ReplaceMetricAsync(IDbConnection connection, IDbTransaction? transaction, string metric, string valuesSql) =>
        connection.ExecuteAsync($"""
            DELETE FROM content_metric WHERE metric = @metric;
            INSERT INTO content_metric (content_item_id, metric, value) SELECT v.content_item_id, @metric, v.value FROM ({valuesSql}) AS v;
            """, new { metric }, transaction);
}
