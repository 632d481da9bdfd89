using System.Text;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using Dapper;

namespace CivicsClass.Search.Backends;

/// <summary>
/// PostgreSQL full text over our own tokens: a tsvector written as a literal (so the database's
/// parser never re-splits Chinese or numbers), weights A–D for title words, title recall, body words
/// and body recall, a GIN index, and ts_rank with the title weighted above the body.
/// </summary>
internal sealed class PostgresSearchIndex : ISearchIndex
{
    private const string Rank = "ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tokens, @query::tsquery)";
    private const int MaxPosition = 16383;

    public async Task UpsertAsync(ISession session, IReadOnlyList<(SearchDocument Document, IndexedTokens Tokens)> documents)
    {
        const string upsert = """
            INSERT INTO search_document (content_item_id, content_type, title, summary, body, url, published_utc, tokens, filters)
            VALUES (@ContentItemId, @ContentType, @Title, @Summary, @Body, @Url, @PublishedUtc, @vector::tsvector, @filterArray)
            ON CONFLICT (content_item_id) DO UPDATE SET content_type = excluded.content_type, title = excluded.title,
                summary = excluded.summary, body = excluded.body, url = excluded.url, published_utc = excluded.published_utc,
                tokens = excluded.tokens, filters = excluded.filters
            """;
        var rows = documents.Select(d =>
        {
            var parameters = new DynamicParameters(d.Document);
            parameters.Add("vector", Vector(d.Tokens));
            parameters.Add("filterArray", d.Document.Filters.ToArray());
            return parameters;
        });
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(upsert, rows, transaction);
        await BumpVersionAsync(session);
    }

    public async Task DeleteAsync(ISession session, string contentItemId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM search_document WHERE content_item_id = @contentItemId", new { contentItemId }, transaction);
        await BumpVersionAsync(session);
    }

    public async Task<long> VersionAsync(ISession session)
    {
        return await session.ReadAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<long>("SELECT version FROM search_index_version WHERE id = 1", transaction: transaction));
    }

    public async Task<IndexHits> SearchAsync(ISession session, SearchQuery query, IReadOnlyList<string> filters, int skip, int take)
    {
        var tsquery = Query(query);
        if (tsquery is null && filters.Count == 0)
        {
            return IndexHits.None;
        }

        var where = (tsquery is null ? "TRUE" : "d.tokens @@ @query::tsquery") + (filters.Count > 0 ? " AND d.filters @> @filters" : "");
        var parameters = new { query = tsquery ?? "", filters = filters.ToArray(), take, skip };
        // One pass over the hits counts them and their facets; ranking is a second pass.
        return await session.ReadAsync(async (connection, transaction) =>
        {
            var facets = IndexHits.Count(await connection.QueryAsync<(string, long)>(
                $"SELECT f.facet, COUNT(*) FROM search_document d CROSS JOIN LATERAL unnest(d.filters) AS f (facet) WHERE {where} GROUP BY f.facet",
                parameters, transaction));
            var total = IndexHits.TotalOf(facets);
            if (total == 0)
            {
                return IndexHits.None;
            }

            var rank = tsquery is null ? "0.0" : Rank;
            var hits = await connection.QueryAsync<IndexHit>(
                $"SELECT d.content_item_id, d.content_type, d.title, d.summary, d.body, d.url, {rank} AS score FROM search_document d WHERE {where} ORDER BY score DESC, d.id LIMIT @take OFFSET @skip",
                parameters, transaction);
            return new IndexHits(total, hits.ToList(), facets);
        });
    }

    public async Task<IReadOnlyList<IndexHit>> SuggestAsync(ISession session, string prefix, int take)
    {
        return (await session.ReadAsync((connection, transaction) => connection.QueryAsync<IndexHit>(
            $"SELECT d.content_item_id, d.content_type, d.title, '' AS summary, '' AS body, d.url, {Rank} AS score FROM search_document d WHERE d.tokens @@ @query::tsquery ORDER BY score DESC, d.id LIMIT @take",
            new { query = Lexeme(prefix) + ":*AB", take }, transaction))).ToList();
    }

    public async Task<int> CountAsync(ISession session)
    {
        return await session.ReadAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM search_document", transaction: transaction));
    }

    private static async Task BumpVersionAsync(ISession session)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE search_index_version SET version = version + 1 WHERE id = 1", transaction: transaction);
    }

    /// <summary>The tsvector literal: each lexeme with its positions and weight.</summary>
    internal static string Vector(IndexedTokens tokens)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (text, weight) in new[] { (tokens.TitleWords, 'A'), (tokens.TitleRecall, 'B'), (tokens.BodyWords, 'C'), (tokens.BodyRecall, 'D') })
        {
            foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position = Math.Min(position + 1, MaxPosition);
                if (!positions.TryGetValue(token, out var list))
                {
                    positions[token] = list = [];
                }

                if (list.Count < 256)
                {
                    list.Add($"{position}{weight}");
                }
            }

            position = Math.Min(position + 1, MaxPosition);
        }

        return string.Join(' ', positions.Select(p => Lexeme(p.Key) + ":" + string.Join(',', p.Value)));
    }

    /// <summary>The tsquery literal for a query; null when there is nothing to look for.</summary>
    internal static string? Query(SearchQuery query)
    {
        if (query.Groups.Count == 0)
        {
            return null;
        }

        var expression = new StringBuilder(string.Join(" & ", query.Groups.Select(g => "(" + string.Join(" | ", g.Select(Alternative)) + ")")));
        foreach (var exclusion in query.Exclusions)
        {
            expression.Append(" & !(").Append(Alternative(exclusion)).Append(')');
        }

        return expression.ToString();
    }

    private static string Alternative(Alternative alternative) =>
        "(" + string.Join(alternative.IsPhrase ? " <-> " : " & ", alternative.Terms.Select(Lexeme)) + ")";

    private static string Lexeme(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "''") + "'";
}
