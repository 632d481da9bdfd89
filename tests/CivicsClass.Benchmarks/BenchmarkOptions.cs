namespace CivicsClass.Benchmarks;

internal sealed record BenchmarkOptions(string Command, int Items, int Queries, string? Postgres, bool SqliteOnly, int Seconds, int Connections,
    int Users, int Entries, string? Part)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new BenchmarkOptions(
            args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "",
            int.TryParse(Value("--items"), out var items) ? items : 10_000,
            int.TryParse(Value("--queries"), out var queries) ? queries : 3_000,
            Value("--postgres") ?? Environment.GetEnvironmentVariable("CIVICS_TEST_POSTGRES"),
            args.Contains("--sqlite-only"),
            int.TryParse(Value("--seconds"), out var seconds) ? seconds : 8,
            int.TryParse(Value("--connections"), out var connections) ? connections : 32,
            int.TryParse(Value("--users"), out var users) ? users : 1_000_000,
            int.TryParse(Value("--entries"), out var entries) ? entries : 20_000_000,
            Value("--part"));
    }
}
