using System.Diagnostics;
using System.Globalization;
using CivicsClass.Media;
using CivicsClass.Media.Generated;
using CivicsClass.Media.Imaging;
using CivicsClass.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Benchmarks.Generated;

/// <summary>
/// Draws the covers, portrait marks and long images of the 30 seeded lessons with Skia, one at a time,
/// and times each kind beside its ceiling in the same run: libvips making the card profile (480 × 270 WebP)
/// from an already drawn 960 × 540 cover, which is what serving an uploaded cover of that size costs.
/// Drawing happens once per change of an item; the profiles are then served from the derivative cache.
/// CPU time per image is printed beside wall time, as it says more on a machine shared with other work.
/// </summary>
internal static class GeneratedImagesBenchmark
{
    public static Task<int> RunAsync(BenchmarkOptions options)
    {
        var fonts = new CjkFonts(NullLogger<CjkFonts>.Instance);
        var covers = new CoverRenderer(fonts);
        var longImages = new LongImageRenderer(fonts);
        var lessons = SeedLessons();
        var seconds = Math.Clamp(options.Seconds, 1, 30);
        Console.WriteLine($"generated images: {lessons.Count} seeded lessons, font {fonts.Description}, {seconds} s per figure, one at a time");

        var coverSpecs = lessons.Select((l, i) => new CoverSpec(l.Title, "课程 · " + l.Theme, Motifs.For(l.Theme, i), i, Motifs.StableHash(l.Slug) & 0x7fffffff)).ToList();
        var longSpecs = lessons.Select((l, i) => new LongImageSpec(l.Title, l.Summary, "陈志远", "专家学者", KeyPoints.From(l.Body), l.Question, l.Options,
            "中国工人大思政课", $"https://example.org/lessons/{l.Slug}", Motifs.For(l.Theme, i), i)).ToList();

        var cover = Time(seconds, i => covers.Cover(coverSpecs[i % coverSpecs.Count]));
        var portrait = Time(seconds, i => covers.Portrait(coverSpecs[i % coverSpecs.Count]));
        var longImage = Time(seconds, i => longImages.Render(longSpecs[i % longSpecs.Count]));
        Report("cover 960×540 PNG", cover);
        Report("portrait 480×480 PNG", portrait);
        Report("long image 750 wide PNG", longImage);
        var heights = longSpecs.Take(5).Select(s => SkiaSharp.SKBitmap.DecodeBounds(longImages.Render(s)).Height).ToList();
        Console.WriteLine($"  long images are {heights.Min()}–{heights.Max()} px tall");

        var images = VipsImageProcessor.Create();
        if (images.IsAvailable)
        {
            var drawn = coverSpecs.Select(covers.Cover).ToList();
            var card = new MediaOptions().Profiles["card"];
            var ceiling = Time(seconds, i => images.Render(drawn[i % drawn.Count], card, ImageFormat.Webp));
            Report("ceiling: libvips card WebP from a drawn cover", ceiling);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  drawing a cover takes {cover.Median / ceiling.Median:F1}× the ceiling's time ({cover.CpuMilliseconds / ceiling.CpuMilliseconds:F1}× its CPU time); a long image {longImage.Median / ceiling.Median:F1}× ({longImage.CpuMilliseconds / ceiling.CpuMilliseconds:F1}×)"));
        }

        Console.WriteLine($"this process: {Measure.PeakMemory()}, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MB");
        return Task.FromResult(0);
    }

    private static DrawFigures Time(int seconds, Func<int, byte[]> draw)
    {
        draw(0); // warm up: fonts and code paths
        var latencies = new List<double>();
        long bytes = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed.TotalSeconds < seconds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            bytes += draw(i).Length;
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / latencies.Count;
        latencies.Sort();
        return new DrawFigures(latencies.Count / clock.Elapsed.TotalSeconds, latencies[latencies.Count / 2], latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))],
            bytes / latencies.Count, cpu);
    }

    private static void Report(string what, DrawFigures figures) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what,-46} {figures.PerSecond,7:F1}/s  p50 {figures.Median,7:F1} ms  p99 {figures.P99,7:F1} ms  CPU {figures.CpuMilliseconds,6:F1} ms  {figures.AverageBytes / 1024,5} KB each"));

    internal static List<SeedLesson> SeedLessons() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Seeds, "lessons"), "*.md").Order(StringComparer.Ordinal).Select(path =>
        {
            var text = File.ReadAllText(path);
            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text[3..end]));
            var header = (YamlMappingNode)yaml.Documents[0].RootNode;
            var body = text[(end + 4)..];
            YamlNode? Node(string key) => header.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
            string? Scalar(string key) => (Node(key) as YamlScalarNode)?.Value;
            var quiz = (Node("quiz") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().FirstOrDefault();
            var options = quiz?.Children.FirstOrDefault(c => ((YamlScalarNode)c.Key).Value == "options").Value as YamlSequenceNode;
            return new SeedLesson(Path.GetFileNameWithoutExtension(path), Scalar("title") ?? "", Scalar("summary"),
                ((Node("themes") as YamlSequenceNode)?.Children.FirstOrDefault() as YamlScalarNode)?.Value, body,
                (quiz?.Children.FirstOrDefault(c => ((YamlScalarNode)c.Key).Value == "question").Value as YamlScalarNode)?.Value,
                options?.Children.OfType<YamlScalarNode>().Select(o => o.Value ?? "").ToList() ?? []);
        }).ToList();

    internal sealed record SeedLesson(string Slug, string Title, string? Summary, string? Theme, string Body, string? Question, IReadOnlyList<string> Options);

    private readonly record struct DrawFigures(double PerSecond, double Median, double P99, long AverageBytes, double CpuMilliseconds);
}
