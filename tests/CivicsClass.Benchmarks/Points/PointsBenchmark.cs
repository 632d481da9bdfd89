namespace CivicsClass.Benchmarks.Points;

/// <summary>
/// The points ledger under concurrent writers on both databases, and the leaderboards on PostgreSQL
/// at the scale of a large union: <c>--part ledger</c> or <c>--part board</c> runs one of the two.
/// </summary>
internal static class PointsBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var part = options.Part ?? "all";
        if (part is not ("all" or "ledger" or "board"))
        {
            Console.Error.WriteLine($"--part must be ledger or board, not '{part}'");
            return 2;
        }

        var invariantHeld = true;
        if (part is "all" or "ledger")
        {
            invariantHeld = await LedgerBenchmark.RunAsync(options);
        }

        if (part is "all" or "board")
        {
            if (options.Postgres is null || options.SqliteOnly)
            {
                Console.WriteLine("leaderboards: skipped, they are measured on PostgreSQL only (set CIVICS_TEST_POSTGRES or --postgres)");
            }
            else
            {
                await LeaderboardBenchmark.RunAsync(options.Postgres, options.Users, options.Entries);
            }
        }

        Console.WriteLine(Measure.PeakMemory());
        return invariantHeld ? 0 : 1;
    }
}
