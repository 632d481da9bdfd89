using System.Text;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using Dapper;

namespace CivicsClass.Search.Backends;

/// <summary>SQLite FTS5 with BM25, the title weighted ten times the body.</summary>
internal sealed class SqliteSearchIndex : ISearchIndex
{
    // The table's rank is configured as bm25 with the title weighted ten times the body (see the migration).
    private const string TextColumns = "{title title_recall body body_recall}";

    public async Task UpsertAsync(ISession session, IReadOnlyList<(SearchDocument Document, IndexedTokens Tokens)> documents)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await using var writer = new SqliteIndexWriter(connection, transaction);
        foreach (var (document, tokens) in documents)
        {
            await writer.UpsertAsync(document, tokens);
        }

        await BumpVersionAsync(session);
    }

    public async Task DeleteAsync(ISession session, string contentItemId)
    {
        const string sql = """
            DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_document WHERE content_item_id = @contentItemId);
            DELETE FROM search_facet WHERE document_id IN (SELECT id FROM search_document WHERE content_item_id = @contentItemId);
            DELETE FROM search_document WHERE content_item_id = @contentItemId;
            """;
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, new { contentItemId }, transaction);
        await BumpVersionAsync(session);
    }

    public async Task<long> VersionAsync(ISession session)
    {
        return await session.ReadAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<long>("SELECT version FROM search_index_version WHERE id = 1", transaction: transaction));
    }

    public async Task<IndexHits> SearchAsync(ISession session, SearchQuery query, IReadOnlyList<string> filters, int skip, int take)
    {
        var match = Match(query, filters);
        if (match is null)
        {
            return IndexHits.None;
        }

        // One pass over the hits counts them and their facets; ranking, the costly part, is a second pass.
        return await session.ReadAsync(async (connection, transaction) =>
        {
            var facets = IndexHits.Count(await connection.QueryAsync<(string, long)>(
                "SELECT f.facet, COUNT(*) FROM search_fts JOIN search_facet f ON f.document_id = search_fts.rowid WHERE search_fts MATCH @match GROUP BY f.facet",
                new { match }, transaction));
            var total = IndexHits.TotalOf(facets);
            if (total == 0)
            {
                return IndexHits.None;
            }

            // Rank and cut inside FTS5 first; only the page's rows are joined to their documents.
            var hits = await connection.QueryAsync<IndexHit>(
                "SELECT d.content_item_id, d.content_type, d.title, d.summary, d.body, d.url, -f.rank AS score "
                + "FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH @match ORDER BY rank LIMIT @take OFFSET @skip) f "
                + "JOIN search_document d ON d.id = f.rowid ORDER BY f.rank, d.id",
                new { match, take, skip }, transaction);
            return new IndexHits(total, hits.ToList(), facets);
        });
    }

    public async Task<IReadOnlyList<IndexHit>> SuggestAsync(ISession session, string prefix, int take)
    {
        var match = "{title title_recall} : " + Quote(prefix) + "*";
        return (await session.ReadAsync((connection, transaction) => connection.QueryAsync<IndexHit>(
            "SELECT d.content_item_id, d.content_type, d.title, '' AS summary, '' AS body, d.url, -f.rank AS score "
            + "FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH @match ORDER BY rank LIMIT @take) f JOIN search_document d ON d.id = f.rowid ORDER BY f.rank",
            new { match, take }, transaction))).ToList();
    }

    public async Task<int> CountAsync(ISession session)
    {
        return await session.ReadAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM search_document", transaction: transaction));
    }

    /// <summary>The FTS5 expression for a query; null when there is nothing to look for.</summary>
    internal static string? Match(SearchQuery query, IReadOnlyList<string> filters)
    {
        var parts = query.Groups.Select(g => "(" + string.Join(" OR ", g.Select(Alternative)) + ")")
            .Concat(filters.Select(f => "{filters} : " + Quote(f)))
            .ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var expression = new StringBuilder(string.Join(" AND ", parts));
        if (query.Exclusions.Count > 0)
        {
            expression.Append(" NOT (").Append(string.Join(" OR ", query.Exclusions.Select(Alternative))).Append(')');
        }

        return expression.ToString();
    }

    private static async Task BumpVersionAsync(ISession session)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE search_index_version SET version = version + 1 WHERE id = 1", transaction: transaction);
    }

    private static string Alternative(Alternative alternative) => alternative.IsPhrase
        ? "{title body} : " + Quote(string.Join(' ', alternative.Terms))
        : "(" + string.Join(" AND ", alternative.Terms.Select(t => TextColumns + " : " + Quote(t))) + ")";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
