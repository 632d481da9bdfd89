using CivicsClass.Data.Diagnostics;
using System.Diagnostics;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Analysis;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Engine;
using Dapper;

namespace CivicsClass.Search.Querying;

/// <summary>
/// Runs a search as a person means it: parse, resolve field filters, look for all words and fall
/// back to any word when that finds nothing, count facets, highlight, record queries that found
/// nothing for editors, and offer suggestions.
/// </summary>
public sealed class SearchService(
    QueryParser parser,
    SearchIndex index,
    ISession session,
    Highlighter highlighter,
    TaxonomyService taxonomies,
    SearchDocumentBuilder documents,
    SearchResultCache cache,
    SearchIndexer indexer,
    TimeProvider clock,
    Content.Security.ISearchMissGate missGate,
    Trends.SearchTally tally)
{
    public const int MaxPageSize = 50;

    // A facet is counted from the filter tokens it filters by (theme_{termId}), so its count is what choosing it finds.
    private static readonly (string Facet, string Taxonomy)[] s_facets = [("theme", "Theme"), ("region", "Region"), ("industry", "Industry")];

    public async Task<SearchResult> SearchAsync(SearchRequest request)
    {
        var watch = Stopwatch.StartNew();
        var query = parser.Parse(request.Query);
        var filters = await FiltersAsync(query, request);
        var size = Math.Clamp(request.Size, 1, MaxPageSize);
        var page = Math.Clamp(request.Page, 1, 1000);
        if (filters is null || (!query.HasTerms && filters.Count == 0))
        {
            return SearchResult.Empty(query, watch.ElapsedMilliseconds);
        }

        if (!index.IsBuilt)
        {
            // A node's first start builds its index from the published content; a search waits for it a while.
            await WaitForFirstBuildAsync();
        }

        // The generation is read first: a result cached under it is never older than it.
        var version = index.Generation;
        var key = string.Join('\u001f', QueryParser.Clean(request.Query), string.Join(' ', filters), page, size);
        var hit = cache.TryGet(version, key, out var cached);
        SiteMetrics.CacheLookup("search", hit);
        if (hit)
        {
            Tally(request, query, page, cached!.Total);
            if (cached!.Total == 0 && query.HasTerms)
            {
                await RecordMissAsync(QueryParser.Clean(request.Query));
            }

            SiteMetrics.SearchDuration.Record(watch.Elapsed.TotalSeconds);
            return cached with { TookMs = watch.ElapsedMilliseconds };
        }

        var result = await RunAsync(request, query, filters, page, size, watch);
        Tally(request, query, page, result.Total);
        cache.Add(version, key, result);
        SiteMetrics.SearchDuration.Record(watch.Elapsed.TotalSeconds);
        return result;
    }

    private async Task<SearchResult> RunAsync(SearchRequest request, SearchQuery query, List<string> filters, int page, int size, Stopwatch watch)
    {
        var hits = index.Search(query, filters, (page - 1) * size, size);
        var anyMatch = false;
        if (hits.Total == 0 && query.CanWiden)
        {
            hits = index.Search(query.AnyMatch(), filters, (page - 1) * size, size);
            anyMatch = hits.Total > 0;
        }

        if (hits.Total == 0 && query.HasTerms)
        {
            await RecordMissAsync(QueryParser.Clean(request.Query));
        }

        var needles = query.Groups.SelectMany(g => g).SelectMany(a => a.Terms).Concat(query.Highlights).ToList();
        var results = hits.Hits.Select(h => new SearchHit(h.ContentItemId, h.ContentType, h.Title, highlighter.Highlight(h.Title, needles), h.Url,
            highlighter.Snippet(string.IsNullOrEmpty(h.Body) ? h.Summary : SnippetSource(h, needles), needles), Math.Round(h.Score, 4))).ToList();
        return new SearchResult(hits.Total, watch.ElapsedMilliseconds, results, await FacetsAsync(hits), anyMatch, query, page, size);
    }

    /// <summary>Counts a search for the trend charts: the first page only, so paging through results counts once.</summary>
    private void Tally(SearchRequest request, SearchQuery query, int page, int total)
    {
        if (page == 1 && query.HasTerms)
        {
            tally.Count(QueryParser.Clean(request.Query), total == 0, clock.GetUtcNow().UtcDateTime);
        }
    }

    private async Task WaitForFirstBuildAsync()
    {
        try
        {
            await indexer.CatchUpAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Still building: answer from what there is; /readyz says the node is behind.
        }
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string? prefix, int take = 8)
    {
        var cleaned = parser.Parse(prefix).Groups.SelectMany(g => g).SelectMany(a => a.Terms).LastOrDefault();
        IReadOnlyList<Suggestion> suggestions = cleaned is null
            ? []
            : index.Suggest(cleaned, Math.Clamp(take, 1, 20)).Select(h => new Suggestion(h.Title, h.Url, h.ContentType)).ToList();
        return Task.FromResult(suggestions);
    }

    /// <summary>Searches and searches that found nothing, per China day from <paramref name="fromDay"/> (20261205).</summary>
    public async Task<IReadOnlyList<(int Day, long Searches, long Misses)>> PerDayAsync(int fromDay)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(int, long, long)>(
            "SELECT day, SUM(searches), SUM(misses) FROM search_day WHERE day >= @fromDay GROUP BY day ORDER BY day", new { fromDay }, transaction)).ToList();
    }

    /// <summary>Each query searched since <paramref name="weekStart"/>: its searches since then, and from <paramref name="fourWeeksStart"/> until then.</summary>
    public async Task<IReadOnlyList<(string Query, long ThisWeek, long FourWeeks)>> WeeksAsync(int weekStart, int fourWeeksStart, int take)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(string, long, long)>("""
            SELECT query, SUM(CASE WHEN day >= @weekStart THEN searches ELSE 0 END) AS this_week,
                   SUM(CASE WHEN day < @weekStart THEN searches ELSE 0 END) AS before
            FROM search_day WHERE day >= @fourWeeksStart
            GROUP BY query HAVING SUM(CASE WHEN day >= @weekStart THEN searches ELSE 0 END) > 0
            ORDER BY this_week DESC, query LIMIT @take
            """, new { weekStart, fourWeeksStart, take }, transaction)).ToList();
    }

    public async Task<IReadOnlyList<(string Query, int Times)>> MissesAsync(int take = 50)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(string, int)>("SELECT query, times FROM search_miss ORDER BY times DESC, last_utc DESC LIMIT @take", new { take }, transaction)).ToList();
    }

    private static string SnippetSource(IndexHit hit, List<string> needles) =>
        needles.Any(n => hit.Summary.Contains(n, StringComparison.OrdinalIgnoreCase)) || !needles.Any(n => hit.Body.Contains(n, StringComparison.OrdinalIgnoreCase))
            ? hit.Summary
            : hit.Body;

    /// <summary>Filters as index tokens; null when a filter names something that does not exist (nothing can match).</summary>
    private async Task<List<string>?> FiltersAsync(SearchQuery query, SearchRequest request)
    {
        var wanted = query.Filters.ToDictionary(p => p.Key, p => p.Value.ToList());
        foreach (var (field, value) in new[] { ("type", request.Type), ("theme", request.Theme), ("region", request.Region), ("industry", request.Industry) })
        {
            // A filter is cleaned as the query is: a control character (a NUL is an error to PostgreSQL) never reaches the index.
            var cleaned = QueryParser.Clean(value);
            if (cleaned.Length > 0)
            {
                wanted.TryAdd(field, []);
                wanted[field].Add(cleaned);
            }
        }

        var filters = new List<string>();
        foreach (var (field, values) in wanted)
        {
            foreach (var value in values.Distinct())
            {
                switch (field)
                {
                    case "type":
                        filters.Add("type_" + value.ToLowerInvariant());
                        break;
                    case "lecturer":
                        filters.Add(documents.LecturerFilter(value));
                        break;
                    default:
                        var taxonomy = s_facets.First(f => f.Facet == field).Taxonomy;
                        var term = await taxonomies.FindTermByNameAsync(taxonomy, value, session);
                        if (term is null)
                        {
                            return null;
                        }

                        filters.Add($"{field}_{term.Id}");
                        break;
                }
            }
        }

        return filters;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> FacetsAsync(IndexHits hits)
    {
        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["type"] = Tokens(hits, "type").OrderByDescending(p => p.Count).ToDictionary(p => p.Value, p => p.Count),
        };
        foreach (var (facet, taxonomy) in s_facets)
        {
            var counted = Tokens(hits, facet).ToList();
            if (counted.Count == 0)
            {
                facets[facet] = new Dictionary<string, int>();
                continue; // no term to name: the taxonomy is not read
            }

            var terms = await taxonomies.GetTermsAsync(taxonomy, session);
            facets[facet] = counted.Where(t => terms.ContainsKey(t.Value))
                .GroupBy(t => terms[t.Value].Name)
                .OrderByDescending(g => g.Sum(t => t.Count))
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Count));
        }

        return facets;
    }

    /// <summary>The counted filter tokens of one field: <c>theme_{termId}</c> gives the term id and its count.</summary>
    private static IEnumerable<(string Value, int Count)> Tokens(IndexHits hits, string field) =>
        hits.Facets.Where(f => f.Key.StartsWith(field + "_", StringComparison.Ordinal)).Select(f => (f.Key[(field.Length + 1)..], f.Value));

    private async Task RecordMissAsync(string query)
    {
        if (query.Length == 0 || !await missGate.AdmitAsync(query))
        {
            return;
        }

        const string sql = """
            INSERT INTO search_miss (query, times, last_utc) VALUES (@query, 1, @now)
            ON CONFLICT (query) DO UPDATE SET times = search_miss.times + 1, last_utc = excluded.last_utc
            """;
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, new { query, now = clock.GetUtcNow().UtcDateTime }, transaction);
        await session.SaveChangesAsync();
    }
}

public sealed record SearchRequest(string? Query, string? Type = null, string? Theme = null, string? Region = null, string? Industry = null, int Page = 1, int Size = 10);

public sealed record SearchHit(string Id, string Type, string Title, string TitleHtml, string Url, string Snippet, double Score);

public sealed record Suggestion(string Title, string Url, string Type);

public sealed record SearchResult(
    int Total,
    long TookMs,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
    bool AnyMatch,
    SearchQuery Query,
    int Page,
    int Size)
{
    public static SearchResult Empty(SearchQuery query, long tookMs) =>
        new(0, tookMs, [], new Dictionary<string, IReadOnlyDictionary<string, int>>(), false, query, 1, 10);
}
