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

    public async Task UpsertAsync(ISession session, SearchDocument document, IndexedTokens tokens)
    {
        const string upsert = """
            INSERT INTO search_document (content_item_id, content_type, title, summary, body, url, published_utc)
            VALUES (@ContentItemId, @ContentType, @Title, @Summary, @Body, @Url, @PublishedUtc)
            ON CONFLICT (content_item_id) DO UPDATE SET content_type = excluded.content_type, title = excluded.title,
                summary = excluded.summary, body = excluded.body, url = excluded.url, published_utc = excluded.published_utc
            RETURNING id
            """;
        const string replace = """
            DELETE FROM search_fts WHERE rowid = @id;
            INSERT INTO search_fts (rowid, title, title_recall, body, body_recall, filters)
            VALUES (@id, @titleWords, @titleRecall, @bodyWords, @bodyRecall, @filters);
            """;
        var (connection, transaction) = await session.BeginWriteAsync();
        var id = await connection.ExecuteScalarAsync<long>(upsert, document, transaction);
        await connection.ExecuteAsync(replace, new
        {
            id,
            titleWords = tokens.TitleWords,
            titleRecall = tokens.TitleRecall,
            bodyWords = tokens.BodyWords,
            bodyRecall = tokens.BodyRecall,
            filters = string.Join(' ', document.Filters),
        }, transaction);
    }

    public async Task DeleteAsync(ISession session, string contentItemId)
    {
        const string sql = """
            DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_document WHERE content_item_id = @contentItemId);
            DELETE FROM search_document WHERE content_item_id = @contentItemId;
            """;
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, new { contentItemId }, transaction);
    }

    public async Task<IndexHits> SearchAsync(ISession session, SearchQuery query, IReadOnlyList<string> filters, int skip, int take)
    {
        var match = Match(query, filters);
        if (match is null)
        {
            return new IndexHits(0, [], new Dictionary<string, int>(), []);
        }

        var (connection, transaction) = await session.GetConnectionAsync();
        var types = (await connection.QueryAsync<(string Type, long Count)>(
                "SELECT d.content_type, COUNT(*) FROM search_fts JOIN search_document d ON d.id = search_fts.rowid WHERE search_fts MATCH @match GROUP BY d.content_type",
                new { match }, transaction))
            .ToDictionary(r => r.Type, r => (int)r.Count);
        var total = types.Values.Sum();
        if (total == 0)
        {
            return new IndexHits(0, [], types, []);
        }

        // Rank and cut inside FTS5 first; only the page's rows are joined to their documents.
        var hits = await connection.QueryAsync<IndexHit>(
            "SELECT d.content_item_id, d.content_type, d.title, d.summary, d.body, d.url, -f.rank AS score "
            + "FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH @match ORDER BY rank LIMIT @take OFFSET @skip) f "
            + "JOIN search_document d ON d.id = f.rowid ORDER BY f.rank, d.id",
            new { match, take, skip }, transaction);
        var terms = await connection.QueryAsync<TermCount>(
            "SELECT t.field, t.term_id, COUNT(*) AS count FROM search_fts JOIN search_document d ON d.id = search_fts.rowid "
            + "JOIN content_term_index t ON t.content_item_id = d.content_item_id AND t.published = TRUE "
            + "WHERE search_fts MATCH @match GROUP BY t.field, t.term_id",
            new { match }, transaction);
        return new IndexHits(total, hits.ToList(), types, terms.ToList());
    }

    public async Task<IReadOnlyList<IndexHit>> SuggestAsync(ISession session, string prefix, int take)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var match = "{title title_recall} : " + Quote(prefix) + "*";
        return (await connection.QueryAsync<IndexHit>(
            "SELECT d.content_item_id, d.content_type, d.title, '' AS summary, '' AS body, d.url, -f.rank AS score "
            + "FROM (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH @match ORDER BY rank LIMIT @take) f JOIN search_document d ON d.id = f.rowid ORDER BY f.rank",
            new { match, take }, transaction)).ToList();
    }

    public async Task<int> CountAsync(ISession session)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM search_document", transaction: transaction);
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

    private static string Alternative(Alternative alternative) => alternative.IsPhrase
        ? "{title body} : " + Quote(string.Join(' ', alternative.Terms))
        : "(" + string.Join(" AND ", alternative.Terms.Select(t => TextColumns + " : " + Quote(t))) + ")";

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
