using System.Globalization;

namespace CivicsClass.Benchmarks.Search;

/// <summary>Reads the site's /metrics every second: the largest managed heap (all generations) and committed memory after a collection.</summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<(double, double)> _sampling;

    public HeapSampler(string address) => _sampling = SampleAsync(address, _stop.Token);

    public async Task<(double HeapMb, double CommittedMb)> StopAsync()
    {
        await _stop.CancelAsync();
        return await _sampling;
    }

    public void Dispose() => _stop.Dispose();

    private static async Task<(double, double)> SampleAsync(string address, CancellationToken stop)
    {
        using var http = new HttpClient();
        double heap = 0, committed = 0;
        while (true)
        {
            try
            {
                var metrics = await http.GetStringAsync($"{address}/metrics", stop);
                heap = Math.Max(heap, Sum(metrics, "dotnet_gc_last_collection_heap_size_bytes"));
                committed = Math.Max(committed, Sum(metrics, "dotnet_gc_last_collection_memory_committed_size_bytes"));
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                return (heap / (1024 * 1024), committed / (1024 * 1024));
            }
            catch (HttpRequestException)
            {
                // Not listening yet: sampled from the site's start on, while it rebuilds.
                try
                {
                    await Task.Delay(250, stop);
                }
                catch (OperationCanceledException)
                {
                    return (heap / (1024 * 1024), committed / (1024 * 1024));
                }
            }
        }
    }

    private static double Sum(string metrics, string name) => metrics.Split('\n')
        .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is '{' or ' '))
        // "name{labels} value [timestamp]"
        .Sum(l => double.Parse(l[(Math.Max(l.IndexOf('}', StringComparison.Ordinal), name.Length - 1) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
