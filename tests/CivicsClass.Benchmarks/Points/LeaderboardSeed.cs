using System.Diagnostics;
using Dapper;
using Npgsql;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;

namespace CivicsClass.Benchmarks.Points;

/// <summary>
/// Fills a migrated PostgreSQL database with a large union's points, on the server: ledger entries
/// from <c>generate_series</c>, then the day rows and the all-time, this-week and today totals as
/// aggregates of those entries, so that every total equals the ledger, and a learner row for every
/// user. Values come from hashes of the row number, so a seed is the same every time: learners are
/// skewed (a few very active, a long tail), activities, points 1–3 and days over the last 30 are
/// uniform. Keys and indexes are dropped while loading and rebuilt from their own definitions.
/// </summary>
internal static class LeaderboardSeed
{
    private const int Days = 30;
    private const int Chunk = 1_000_000;
    private const int Parallelism = 2;
    private static readonly string[] s_tables = ["points_entry", "points_day", "points_total", "learner"];
    private static readonly string[] s_activities = [Activities.StudyText, Activities.StudyMedia, Activities.QuizPass, Activities.DailyQuiz, Activities.CheckIn];
    private static readonly string[] s_surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] s_given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "红", "文", "玉", "兰"];

    /// <summary>A number in [0, 1) from the row number <c>n</c>, a different one for each <paramref name="salt"/>.</summary>
    private static string Uniform(int salt) => $"((hashint8extended(n, {salt}) & 2147483647)::float8 / 2147483648.0)";

    /// <summary>Seeds the database and returns how long it took; each step's time is printed as it finishes.</summary>
    public static async Task<TimeSpan> RunAsync(string connectionString, int users, int entries, DateOnly today, int organisations, int regions)
    {
        var seeding = Stopwatch.StartNew();
        var server = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        var keys = await DropKeysAsync(server);
        await StepAsync("ledger entries", () => InsertEntriesAsync(server, users, entries, today));
        await StepAsync("day rows", () => InParallelAsync(server, [.. Enumerable.Range(0, Parallelism).Select(part => ("""
            INSERT INTO points_day (user_id, study_day, rule, points)
            SELECT user_id, study_day, rule, SUM(points) FROM points_entry WHERE user_id % @parts = @part GROUP BY user_id, study_day, rule
            """, (object)new { parts = Parallelism, part }))]));
        await StepAsync("totals", () => InsertTotalsAsync(server, today));
        await StepAsync("learners", () => InsertLearnersAsync(server, users, organisations, regions));
        await StepAsync("keys and indexes", () => InParallelAsync(server, [.. keys.Select(k => (k, (object)new { }))]));
        await StepAsync("vacuum and analyze", () => InParallelAsync(server,
            [("VACUUM (ANALYZE) points_total", new { }), ("VACUUM (ANALYZE) learner", new { }), ("ANALYZE points_entry", new { }), ("ANALYZE points_day", new { })]));
        await CheckSumsAsync(server);
        return seeding.Elapsed;
    }

    private static async Task StepAsync(string what, Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        Console.WriteLine($"  seeded {what,-20} {watch.Elapsed.TotalSeconds,8:F1} s");
    }

    /// <summary>Entries in chunks of row numbers, two chunks at a time (the server has two cores).</summary>
    private static Task InsertEntriesAsync(string server, int users, int entries, DateOnly today)
    {
        var sql = $"""
            INSERT INTO points_entry (user_id, rule, idempotency_key, points, requested, created_utc, study_day)
            SELECT user_id, rule, 'b' || n, points, points,
                   LEAST(now(), (day - interval '8 hours' + {Uniform(5)} * interval '1 day') AT TIME ZONE 'UTC'),
                   to_char(day, 'YYYYMMDD')::int
            FROM (SELECT n,
                         1 + floor(power({Uniform(1)}, 1.5) * @users)::bigint AS user_id,
                         (@activities::text[])[1 + floor({Uniform(2)} * @activityCount)::int] AS rule,
                         1 + floor({Uniform(3)} * 3)::int AS points,
                         @today::date - floor({Uniform(4)} * @days)::int AS day
                  FROM generate_series(@from::bigint, @to::bigint) AS n) AS generated
            """;
        var chunks = Enumerable.Range(0, (entries + Chunk - 1) / Chunk).Select(c => (sql, (object)new
        {
            users,
            activities = s_activities,
            activityCount = s_activities.Length,
            today = today.ToDateTime(TimeOnly.MinValue),
            days = Days,
            from = (long)c * Chunk + 1,
            to = Math.Min((long)(c + 1) * Chunk, entries),
        }));
        return InParallelAsync(server, [.. chunks]);
    }

    /// <summary>All-time, this week's and today's totals, added up from the day rows, as the ledger keeps them.</summary>
    private static Task InsertTotalsAsync(string server, DateOnly today)
    {
        const string sql = """
            INSERT INTO points_total (period, user_id, points)
            SELECT @period, user_id, SUM(points) FROM points_day WHERE study_day BETWEEN @first AND @last GROUP BY user_id HAVING SUM(points) <> 0
            """;
        var day = StudyCalendar.ToInt(today);
        return InParallelAsync(server,
        [
            (sql, new { period = StudyCalendar.AllTime, first = 0, last = int.MaxValue }),
            (sql, new { period = StudyCalendar.WeekPeriod(day), first = StudyCalendar.ToInt(StudyCalendar.WeekStart(today)), last = day }),
            (sql, new { period = StudyCalendar.DayPeriod(day), first = day, last = day }),
        ]);
    }

    /// <summary>
    /// Every user a learner, with a two- or three-character name and an organisation and region among a few hundred;
    /// one in ten chose to be named on the people board (what the board lists and ranks among).
    /// </summary>
    private static Task InsertLearnersAsync(string server, int users, int organisations, int regions)
    {
        const string sql = """
            INSERT INTO learner (user_id, display_name, organisation_id, region_id, show_name)
            SELECT n,
                   (@surnames::text[])[(1 + n % @surnameCount)::int] || (@given::text[])[(1 + (n / @surnameCount) % @givenCount)::int]
                       || CASE WHEN n % 3 = 0 THEN '' ELSE (@given::text[])[(1 + (n / (@surnameCount * @givenCount)) % @givenCount)::int] END,
                   'org-' || ((hashint8extended(n, 11) & 2147483647) % @organisations),
                   'region-' || ((hashint8extended(n, 12) & 2147483647) % @regions),
                   n % 10 = 0
            FROM generate_series(1::bigint, @users::bigint) AS n
            """;
        return InParallelAsync(server, [(sql, new
        {
            users,
            surnames = s_surnames,
            surnameCount = s_surnames.Length,
            given = s_given,
            givenCount = s_given.Length,
            organisations,
            regions,
        })]);
    }

    /// <summary>
    /// Drops the primary keys, unique constraints and indexes of the seeded tables, which are far
    /// cheaper to build once over the loaded rows than to keep up row by row, and returns the
    /// statements that put them back exactly as the migrations made them.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DropKeysAsync(string server)
    {
        await using var connection = await OpenAsync(server);
        var constraints = (await connection.QueryAsync<(string Table, string Name, string Definition)>("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid::regclass::text = ANY(@tables) AND contype IN ('p', 'u')
            """, new { tables = s_tables })).ToList();
        var indexes = (await connection.QueryAsync<(string Name, string Definition)>("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
            WHERE i.indrelid::regclass::text = ANY(@tables) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, new { tables = s_tables })).ToList();
        foreach (var index in indexes)
        {
            await connection.ExecuteAsync($"DROP INDEX {index.Name}");
        }

        foreach (var constraint in constraints)
        {
            await connection.ExecuteAsync($"ALTER TABLE {constraint.Table} DROP CONSTRAINT {constraint.Name}");
        }

        return [.. constraints.Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {c.Name} {c.Definition}"), .. indexes.Select(i => i.Definition)];
    }

    /// <summary>The ledger, the day rows and the all-time totals must hold the same number of points.</summary>
    private static async Task CheckSumsAsync(string server)
    {
        await using var connection = await OpenAsync(server);
        var (entries, days, totals) = await connection.QuerySingleAsync<(long, long, long)>("""
            SELECT (SELECT SUM(points) FROM points_entry), (SELECT SUM(points) FROM points_day),
                   (SELECT SUM(points) FROM points_total WHERE period = 'all')
            """);
        if (entries != days || entries != totals)
        {
            throw new InvalidOperationException($"The seed does not add up: entries {entries}, day rows {days}, all-time totals {totals}.");
        }
    }

    /// <summary>Runs the statements on up to two connections at once, each with memory for big sorts and without waiting for the log.</summary>
    private static Task InParallelAsync(string server, IReadOnlyList<(string Sql, object Parameters)> statements) =>
        Parallel.ForEachAsync(statements, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (statement, cancellationToken) =>
        {
            await using var connection = await OpenAsync(server);
            await connection.ExecuteAsync(new CommandDefinition(statement.Sql, statement.Parameters, cancellationToken: cancellationToken));
        });

    private static async Task<NpgsqlConnection> OpenAsync(string server)
    {
        var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await connection.ExecuteAsync("SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET synchronous_commit = off");
        return connection;
    }
}
