using System.Diagnostics;

namespace CivicsClass.Benchmarks;

internal static class Measure
{
    /// <summary>Runs <paramref name="action"/> <paramref name="count"/> times; returns operations per second and latency percentiles in ms.</summary>
    public static async Task<Figures> RepeatAsync(int count, Func<int, Task> action)
    {
        var latencies = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action(i);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        return new Figures(count / total.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    public static string PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return $"{process.PeakWorkingSet64 / (1024 * 1024)} MB peak resident";
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

internal readonly record struct Figures(double PerSecond, double P50, double P99)
{
    public override string ToString() => $"{PerSecond,9:F0}/s  p50 {P50,7:F2} ms  p99 {P99,7:F2} ms";
}
