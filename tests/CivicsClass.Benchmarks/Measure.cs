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

    /// <summary>
    /// Runs <paramref name="action"/> in a loop on <paramref name="workers"/> concurrent tasks, each call
    /// given a number unique across workers. Calls started during <paramref name="warmUp"/> are not
    /// counted; then calls started within <paramref name="duration"/> are timed, and the rate is those
    /// calls over the time until the last of them finished. SQLite's driver blocks its thread while it
    /// waits for the write lock, so the pool is given a thread per worker up front: otherwise workers
    /// would queue for threads, not for the database, and fewer would run at once than asked.
    /// </summary>
    public static async Task<Figures> ConcurrentAsync(int workers, TimeSpan warmUp, TimeSpan duration, Func<long, Task> action)
    {
        ThreadPool.GetMinThreads(out var threads, out var ioThreads);
        ThreadPool.SetMinThreads(Math.Max(threads, workers + Environment.ProcessorCount), ioThreads);
        var next = -1L;
        var start = Stopwatch.GetTimestamp();
        var from = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var until = from + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var last = 0L;
            for (var began = Stopwatch.GetTimestamp(); began < until; began = Stopwatch.GetTimestamp())
            {
                await action(Interlocked.Increment(ref next));
                if (began >= from)
                {
                    last = Stopwatch.GetTimestamp();
                    latencies.Add(Stopwatch.GetElapsedTime(began, last).TotalMilliseconds);
                }
            }

            return (Latencies: latencies, Last: last);
        })));

        var sorted = perWorker.SelectMany(w => w.Latencies).Order().ToArray();
        var seconds = (double)(perWorker.Max(w => w.Last) - from) / Stopwatch.Frequency;
        return sorted.Length == 0
            ? new Figures(0, double.NaN, double.NaN)
            : new Figures(sorted.Length / seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
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
