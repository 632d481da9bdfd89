namespace CivicsClass.Benchmarks;

internal sealed record BenchmarkOptions(string Command, int Items, int Queries, string? Postgres, bool SqliteOnly)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new BenchmarkOptions(
            args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "",
            int.TryParse(Value("--items"), out var items) ? items : 10_000,
            int.TryParse(Value("--queries"), out var queries) ? queries : 3_000,
            Value("--postgres") ?? Environment.GetEnvironmentVariable("CIVICS_TEST_POSTGRES"),
            args.Contains("--sqlite-only"));
    }
}
