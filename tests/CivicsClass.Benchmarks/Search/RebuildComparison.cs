using System.Diagnostics;
using CivicsClass.Data;

namespace CivicsClass.Benchmarks.Search;

/// <summary>
/// How much memory the site's process holds while it rebuilds its index from 100 000 published lessons, and how
/// fast it rebuilds, under each of a list of search and GC settings (<c>search-host --rebuild NAME,NAME</c>). For
/// each setting the index folder is deleted and the site started on it, as a new node starts: it rebuilds from the
/// published content before /readyz says it is healthy. Figures: the time to ready (start-up, a few seconds, included)
/// and the documents per second it gives, the peak resident set (VmHWM) and the sampled peak of its anonymous part
/// (the heaps, without the index's mapped files), the largest managed heap after a collection, and the segments left.
/// The settings are compared one after another in the same run, with the machine's load beside each.
/// </summary>
internal static class RebuildComparison
{
    /// <summary>
    /// The settings that can be compared: the site's search settings (environment variables that win over
    /// appsettings) and the runtime's GC switches. "before" is the rebuild as it was first written: chunks of 200
    /// items, a 32 MB writer buffer, merges reading through the memory map.
    /// </summary>
    internal static readonly Dictionary<string, Dictionary<string, string>> Variants = new()
    {
        ["before"] = Search(chunk: 200, buffer: 32, mapMerges: true),
        ["chunk-50"] = Search(chunk: 50, buffer: 32, mapMerges: true),
        ["buffer-8"] = Search(chunk: 200, buffer: 8, mapMerges: true),
        ["buffer-16"] = Search(chunk: 200, buffer: 16, mapMerges: true),
        ["one-thread"] = Search(chunk: 200, buffer: 32, mapMerges: true, threads: 1),
        ["small-merges"] = Search(chunk: 200, buffer: 32, mapMerges: true, mergeAtOnce: 4, maxSegmentMb: 64),
        ["merges-read"] = Search(chunk: 200, buffer: 32, mapMerges: false),
        ["gc-conserve"] = With(Search(chunk: 200, buffer: 32, mapMerges: true), "DOTNET_GCConserveMemory", "7"),
        ["gc-limit-192"] = With(Search(chunk: 200, buffer: 32, mapMerges: true), "DOTNET_GCHeapHardLimit", "0xC000000"),
        ["defaults"] = [],
        ["defaults-gc-conserve"] = new() { ["DOTNET_GCConserveMemory"] = "7" },
        // The runtime maps the code it compiles twice (writable, executable) unless told not to: an operator's switch.
        ["defaults-no-wx"] = new() { ["DOTNET_EnableWriteXorExecute"] = "0" },
        ["defaults-gc-limit-160"] = new() { ["DOTNET_GCHeapHardLimit"] = "0xA000000" },
    };

    public static async Task RunAsync(DatabaseOptions database, string contentRoot, int documents, IReadOnlyList<string> names)
    {
        var index = Path.Combine(contentRoot, "App_Data", "search");
        var rows = new List<Row>();
        foreach (var name in names)
        {
            if (Directory.Exists(index))
            {
                Directory.Delete(index, recursive: true);
            }

            var load = HostSearchBenchmark.Load();
            var watch = Stopwatch.StartNew();
            await using var site = SiteProcess.Start(contentRoot, database.Provider, database.ConnectionString!, Variants[name]);
            using var heap = new HeapSampler(site.Address);
            await site.WaitReadyAsync(TimeSpan.FromHours(1));
            var seconds = watch.Elapsed.TotalSeconds;
            var (heapMb, committedMb) = await heap.StopAsync();
            var segments = Directory.GetFiles(index, "*.si").Length;
            var sizeMb = Directory.GetFiles(index).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024);
            var row = new Row(name, seconds, documents / seconds, site.PeakResidentMb, site.PeakAnonymousMb, heapMb, committedMb, segments, sizeMb, load, HostSearchBenchmark.Load());
            rows.Add(row);
            Console.WriteLine($"[rebuild: {name}] {Describe(Variants[name])}: ready in {seconds:F0} s ({row.PerSecond:F0} documents/s), peak {row.PeakMb} MB resident, {row.AnonymousMb} MB anonymous, managed heap at most {heapMb:F0} MB ({committedMb:F0} MB committed), {segments} segments, {sizeMb:F0} MB on disk; {load} → {row.LoadAfter}");
        }

        var first = rows[0];
        Console.WriteLine();
        Console.WriteLine($"rebuild of {documents:N0} lessons in the site's process (ratios against {first.Name}, same run)");
        Console.WriteLine($"  {"setting",-22} {"s",6} {"docs/s",7} {"ratio",6} {"peak MB",8} {"ratio",6} {"anon MB",8} {"heap MB",8} {"segs",5}  load before → after");
        foreach (var row in rows)
        {
            Console.WriteLine($"  {row.Name,-22} {row.Seconds,6:F0} {row.PerSecond,7:F0} {row.PerSecond / first.PerSecond,6:F2} {row.PeakMb,8} {(double)row.PeakMb / first.PeakMb,6:F2} {row.AnonymousMb,8} {row.HeapMb,8:F0} {row.Segments,5}  {row.Load[13..]} → {row.LoadAfter[13..]}");
        }
    }

    private static Dictionary<string, string> Search(int chunk, double buffer, bool mapMerges, int threads = 0, int mergeAtOnce = 10, double maxSegmentMb = 5 * 1024) => new()
    {
        ["Search__RebuildChunkSize"] = chunk.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Search__WriterBufferMB"] = buffer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Search__MapMergeReads"] = mapMerges ? "true" : "false",
        ["Search__IndexingThreads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Search__MaxMergeAtOnce"] = mergeAtOnce.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Search__MaxMergedSegmentMB"] = maxSegmentMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> settings, string name, string value) => new(settings) { [name] = value };

    private static string Describe(Dictionary<string, string> settings) =>
        settings.Count == 0 ? "the site's defaults" : string.Join(' ', settings.Select(s => $"{s.Key.Replace("Search__", "", StringComparison.Ordinal)}={s.Value}"));

    private sealed record Row(string Name, double Seconds, double PerSecond, long PeakMb, long AnonymousMb, double HeapMb, double CommittedMb, int Segments, double SizeMb, string Load, string LoadAfter);
}
