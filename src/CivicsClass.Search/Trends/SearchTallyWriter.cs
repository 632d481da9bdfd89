using CivicsClass.Data.Documents;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Search.Trends;

/// <summary>
/// Adds the node's search counts to <c>search_day</c> every interval and once more when the node stops.
/// The counts are in each node's memory, so every node runs it (<see cref="JobScope.EveryNode"/>); nodes add to the
/// same rows, so a farm's counts are the sum of its nodes'.
/// </summary>
internal sealed class SearchTallyWriter(SearchTally tally, IServiceScopeFactory scopes, SearchOptions options, JobClaims claims, TimeProvider clock, ILogger<SearchTallyWriter> logger)
    : IntervalJob(claims, clock, logger)
{
    public const string JobName = "search-counts";

    /// <summary>Writes the counts taken so far; returns how many (day, query) rows it added to.</summary>
    public async Task<int> WriteAsync(CancellationToken cancellationToken = default)
    {
        var counts = tally.Take();
        if (counts.Count == 0)
        {
            return 0;
        }

        const string sql = """
            INSERT INTO search_day (day, query, searches, misses) VALUES (@Day, @Query, @Searches, @Misses)
            ON CONFLICT (day, query) DO UPDATE SET searches = search_day.searches + excluded.searches, misses = search_day.misses + excluded.misses
            """;
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        // Written in one order on every node, so two nodes adding to the same rows never wait on each other in a circle.
        await connection.ExecuteAsync(sql, counts.OrderBy(c => c.Day).ThenBy(c => c.Query, StringComparer.Ordinal)
            .Select(c => new { c.Day, c.Query, c.Searches, c.Misses }), transaction);
        await session.SaveChangesAsync(cancellationToken);
        return counts.Count;
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.TallySeconds));

    public override string Name => JobName;

    public override JobScope Scope => JobScope.EveryNode;

    public override string Label => "写入搜索次数";

    protected override string Description => "Writing the search counts";

    protected override async Task<string?> RunOnceAsync(bool asked, CancellationToken cancellationToken)
    {
        var written = await TryWriteAsync(cancellationToken);
        return written > 0 ? $"wrote {written} queries" : null;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryWriteAsync(CancellationToken.None);
    }

    private async Task<int> TryWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Counts for editors' charts: a failed write loses an interval's counts, never a search.
            logger.LogWarning(exception, "Could not write the search counts");
            return 0;
        }
    }
}
