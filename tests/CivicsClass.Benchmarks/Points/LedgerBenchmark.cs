using CivicsClass.Data.Documents;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;

namespace CivicsClass.Benchmarks.Points;

/// <summary>
/// Awards per second through the real ledger with eight concurrent writers, each award one unit of
/// work as a request makes it (a scope, the ledger, commit). Once spread over many learners, so that
/// day rows rarely collide and caps are seldom reached, and once with every writer paying the same
/// learner, the worst case for the row the cap is checked under. The ceiling is a plain single-row
/// insert through the same session and transaction, so the ratio shows what the ledger's checks and
/// running totals cost. Afterwards the ledger's invariants are checked: they must hold under load.
/// </summary>
internal static class LedgerBenchmark
{
    private const int Writers = 8;
    private const int Learners = 5_000;
    private const long HotLearner = 1_000_000_000;
    private static readonly TimeSpan s_warmUp = TimeSpan.FromSeconds(1);
    private static readonly PointsRule s_rule = new() { Name = Activities.StudyText, Points = 1, DailyCap = 6 };

    /// <summary>Measures on SQLite and, when a server is given, PostgreSQL; false when an invariant failed.</summary>
    public static async Task<bool> RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"points ledger: {Writers} concurrent writers, {s_warmUp.TotalSeconds:F0} s warm-up then {options.Seconds} s per figure, " +
            $"rule {s_rule.Name} {s_rule.Points} point, cap {s_rule.DailyCap} a day");
        var held = true;
        await using (var site = await BenchmarkSite.SqliteAsync())
        {
            held &= await RunOnAsync(site, options.Seconds);
        }

        if (!options.SqliteOnly && options.Postgres is not null)
        {
            await using var site = await BenchmarkSite.PostgresAsync(options.Postgres);
            held &= await RunOnAsync(site, options.Seconds);
        }

        return held;
    }

    private static async Task<bool> RunOnAsync(BenchmarkSite site, int seconds)
    {
        var services = site.Services;
        var store = services.GetRequiredService<IDocumentStore>();
        await CreateCeilingTableAsync(store);
        var duration = TimeSpan.FromSeconds(seconds);

        Console.WriteLine($"[{site.Database.Provider}]");
        var ceiling = await Measure.ConcurrentAsync(Writers, s_warmUp, duration, i => CeilingInsertAsync(services, i));
        Console.WriteLine($"  {"single-row insert (ceiling)",-34} {ceiling}");
        var spread = await Measure.ConcurrentAsync(Writers, s_warmUp, duration, i => AwardAsync(services, 1 + i % Learners, $"spread-{i}"));
        Print($"award, {Learners:N0} learners", spread, ceiling, await PaidAsync(store, "user_id <> @user"));
        var hot = await Measure.ConcurrentAsync(Writers, s_warmUp, duration, i => AwardAsync(services, HotLearner, $"hot-{i}"));
        Print("award, one learner", hot, ceiling, await PaidAsync(store, "user_id = @user"));
        return await InvariantHoldsAsync(store);
    }

    private static void Print(string what, Figures figures, Figures ceiling, string paid) =>
        Console.WriteLine($"  {what,-34} {figures}   ratio {figures.PerSecond / ceiling.PerSecond:P0} of ceiling   ({paid})");

    private static async Task AwardAsync(ServiceProvider services, long userId, string key)
    {
        await using var scope = services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<PointsLedger>();
        await ledger.AwardAsync(s_rule, new Award(userId, s_rule.Name, null, key, s_rule.Points));
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
    }

    private static async Task CreateCeilingTableAsync(IDocumentStore store)
    {
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync();
        var d = session.Dialect;
        await connection.ExecuteAsync(
            $"CREATE TABLE bench_insert (id {d.IdentityColumn}, user_id {d.BigInt} NOT NULL, idempotency_key {d.Text} NOT NULL, created_utc {d.Timestamp} NOT NULL)",
            transaction: transaction);
        await session.SaveChangesAsync();
    }

    private static async Task CeilingInsertAsync(ServiceProvider services, long i)
    {
        const string sql = "INSERT INTO bench_insert (user_id, idempotency_key, created_utc) VALUES (@user, @key, @now)";
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, new { user = 1 + i % Learners, key = $"insert-{i}", now = DateTime.UtcNow }, transaction);
        await session.SaveChangesAsync();
    }

    /// <summary>How many awards the run wrote and how many of them the daily cap held back.</summary>
    private static async Task<string> PaidAsync(IDocumentStore store, string which)
    {
        await using var session = store.CreateSession();
        var (connection, _) = await session.GetConnectionAsync();
        var (awards, paid, capped) = await connection.QuerySingleAsync<(long, long, long)>(
            $"SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(CASE WHEN points < requested THEN 1 ELSE 0 END), 0) FROM points_entry WHERE {which}",
            new { user = HotLearner });
        return $"{awards:N0} awards in total, {paid:N0} points paid, {capped:N0} held back by the cap";
    }

    /// <summary>
    /// Each learner's balance equals the sum of their entries (both ways round, so neither side has a
    /// learner the other lacks), each day row equals the sum of that day's entries, and no day row
    /// passed the cap.
    /// </summary>
    private static async Task<bool> InvariantHoldsAsync(IDocumentStore store)
    {
        const string balances = """
            SELECT COUNT(*) FROM (
                SELECT user_id, SUM(points) AS points FROM points_entry GROUP BY user_id
                EXCEPT SELECT user_id, points FROM points_total WHERE period = 'all') AS missing
            """;
        const string totals = """
            SELECT COUNT(*) FROM (
                SELECT user_id, points FROM points_total WHERE period = 'all'
                EXCEPT SELECT user_id, SUM(points) FROM points_entry GROUP BY user_id) AS extra
            """;
        const string days = """
            SELECT COUNT(*) FROM (
                SELECT user_id, study_day, rule, SUM(points) AS points FROM points_entry GROUP BY user_id, study_day, rule
                EXCEPT SELECT user_id, study_day, rule, points FROM points_day) AS wrong
            """;
        const string overCap = "SELECT COUNT(*) FROM points_day WHERE rule = @rule AND points > @cap";

        await using var session = store.CreateSession();
        var (connection, _) = await session.GetConnectionAsync();
        var failures = new List<string>();
        void Check(long count, string what)
        {
            if (count != 0)
            {
                failures.Add($"{count:N0} {what}");
            }
        }

        Check(await connection.ExecuteScalarAsync<long>(balances), "learners whose entries do not add up to their balance");
        Check(await connection.ExecuteScalarAsync<long>(totals), "balances that do not match the entries");
        Check(await connection.ExecuteScalarAsync<long>(days), "day rows that do not match the entries");
        Check(await connection.ExecuteScalarAsync<long>(overCap, new { rule = s_rule.Name, cap = s_rule.DailyCap }), "day rows above the cap");
        var learners = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM points_total WHERE period = 'all'");
        Console.WriteLine(failures.Count == 0
            ? $"  invariant ok: SUM(points_entry.points) = points_total 'all' for {learners:N0} learners; day rows match; none above the cap"
            : $"  INVARIANT FAILED: {string.Join("; ", failures)}");
        return failures.Count == 0;
    }
}
