using System.Diagnostics;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Study;

namespace CivicsClass.Benchmarks.Points;

/// <summary>
/// Leaderboard latency on PostgreSQL at the scale of a large union, through the real service, one
/// call per unit of work as a page makes it: the top 100 for all time, this week and today, alone
/// and with "my rank" for random learners — counted exactly (the baseline) and from the roll-up —,
/// and the organisations board, computed from every learner (cold, then kept for a minute per node)
/// and from the roll-up. The ceiling for the top is the bare index range on the running totals,
/// without names. The roll-up itself is timed too: it is what a node pays once a minute.
/// </summary>
internal static class LeaderboardBenchmark
{
    private const int Calls = 200;
    private const int Take = 100;
    private const int Organisations = 300;
    private const int Regions = 100;
    private static readonly string[] s_periods = ["all", "week", "day"];
    private static readonly string[] s_tables = ["points_entry", "points_day", "points_total", "learner"];

    public static async Task RunAsync(string server, int users, int entries)
    {
        Console.WriteLine($"leaderboards: PostgreSQL, {users:N0} learners, {entries:N0} ledger entries over 30 days, " +
            $"{Organisations} organisations, {Calls} calls per figure, top {Take}");
        await using var site = await BenchmarkSite.PostgresAsync(server);
        var services = site.Services;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var seeding = await LeaderboardSeed.RunAsync(site.Database.ConnectionString!, users, entries, StudyCalendar.Date(now), Organisations, Regions);
        Console.WriteLine($"  seeded in {seeding.TotalSeconds:F0} s");
        await PrintSizesAsync(services.GetRequiredService<IDocumentStore>());

        var rollup = services.GetRequiredService<LearningRollup>();
        var rolling = await TimeAsync(() => rollup.RollUpAsync(force: true));
        Console.WriteLine($"  roll-up of day, week and all time (people and groups): {rolling / 1000:F1} s");

        var random = new Random(42);
        foreach (var name in s_periods)
        {
            var period = StudyCalendar.Period(name, now)!;
            var ceiling = await Measure.RepeatAsync(Calls, _ => RawTopAsync(services, period));
            var top = await Measure.RepeatAsync(Calls, _ => PeopleAsync(services, name, null, Exact));
            var exact = await Measure.RepeatAsync(Calls, _ => PeopleAsync(services, name, random.NextInt64(1, users + 1L), Exact));
            var rolled = await Measure.RepeatAsync(Calls, _ => PeopleAsync(services, name, random.NextInt64(1, users + 1L), RolledUp));
            Console.WriteLine($"  [{name} = {period}]");
            Console.WriteLine($"    {"bare index range (ceiling)",-36} {ceiling}");
            Console.WriteLine($"    {"top 100",-36} {top}   ratio {top.PerSecond / ceiling.PerSecond:P0} of ceiling");
            Console.WriteLine($"    {"top 100 and my rank, counted",-36} {exact}");
            Console.WriteLine($"    {"top 100 and my rank, rolled up",-36} {rolled}   {rolled.PerSecond / exact.PerSecond:F1}x counted");
        }

        var roots = Enumerable.Range(0, Organisations).Select(k => new TaxonomyTerm { Id = $"org-{k}", Name = $"第{k + 1}基层工会" }).ToList();
        var me = random.NextInt64(1, users + 1L);
        var cache = new MemoryCache(new MemoryCacheOptions());
        var cold = await TimeAsync(() => GroupsAsync(services, roots, me, Exact, cache));
        var warm = await TimeAsync(() => GroupsAsync(services, roots, me, Exact, cache));
        var fromRollup = await Measure.RepeatAsync(Calls, _ => GroupsAsync(services, roots, random.NextInt64(1, users + 1L), RolledUp, cache));
        Console.WriteLine($"  organisations board, per member, all time: counted cold {cold:F1} ms, warm (kept for a minute) {warm:F2} ms");
        Console.WriteLine($"    {"from the roll-up",-36} {fromRollup}");
    }

    private const int Exact = int.MaxValue;
    private const int RolledUp = 0;

    private static LeaderboardReader Boards(IServiceProvider services, int exactBelow, IMemoryCache? cache = null) =>
        new(services.GetRequiredService<ISession>(), cache ?? new MemoryCache(new MemoryCacheOptions()), services.GetRequiredService<TimeProvider>(),
            Options.Create(new LeaderboardOptions { ExactBelow = exactBelow }));

    private static async Task PeopleAsync(ServiceProvider services, string period, long? me, int exactBelow)
    {
        await using var scope = services.CreateAsyncScope();
        var board = await Boards(scope.ServiceProvider, exactBelow).PeopleAsync(period, Take, me);
        if (board is null || board.Entries.Count == 0 || (me is not null && board.Me is null) || (me is not null && exactBelow == RolledUp && board.CountedUtc is null))
        {
            throw new InvalidOperationException($"The {period} board came back empty or was not rolled up.");
        }
    }

    private static async Task RawTopAsync(ServiceProvider services, string period)
    {
        const string sql = "SELECT user_id, points FROM points_total WHERE period = @period AND points > 0 ORDER BY points DESC, user_id LIMIT @take";
        await using var scope = services.CreateAsyncScope();
        var (connection, _) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        if ((await connection.QueryAsync<(long, int)>(sql, new { period, take = Take })).AsList().Count == 0)
        {
            throw new InvalidOperationException($"No totals for {period}.");
        }
    }

    private static async Task GroupsAsync(ServiceProvider services, IReadOnlyList<TaxonomyTerm> roots, long me, int exactBelow, IMemoryCache cache)
    {
        await using var scope = services.CreateAsyncScope();
        var board = await Boards(scope.ServiceProvider, exactBelow, cache).GroupsAsync(GroupKind.Organisation, "all", roots, perMember: true, Take, me);
        if (board is null || board.Entries.Count == 0 || board.Me is null)
        {
            throw new InvalidOperationException("The organisations board came back empty.");
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Rows and sizes of the seeded tables, and how many learners each period ranks.</summary>
    private static async Task PrintSizesAsync(IDocumentStore store)
    {
        await using var session = store.CreateSession();
        var (connection, _) = await session.GetConnectionAsync();
        var tables = await connection.QueryAsync<(string Name, long Rows, long Heap, long Indexes, long Total)>("""
            SELECT relname, reltuples::bigint, pg_table_size(oid), pg_indexes_size(oid), pg_total_relation_size(oid)
            FROM pg_class WHERE relname = ANY(@tables) AND relkind = 'r' ORDER BY relname
            """, new { tables = s_tables });
        foreach (var table in tables)
        {
            Console.WriteLine($"  {table.Name,-14} {table.Rows,12:N0} rows   table {Megabytes(table.Heap),7:N0} MB   indexes {Megabytes(table.Indexes),7:N0} MB   total {Megabytes(table.Total),7:N0} MB");
        }

        var periods = await connection.QueryAsync<(string Period, long Learners)>("SELECT period, COUNT(*) FROM points_total GROUP BY period ORDER BY period");
        Console.WriteLine($"  ranked per period: {string.Join(", ", periods.Select(p => $"{p.Period} {p.Learners:N0}"))}");
        Console.WriteLine($"  database {Megabytes(await connection.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())")):N0} MB");
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
