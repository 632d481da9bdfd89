using System.Diagnostics;
using System.Globalization;
using CivicsClass.Media;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;

namespace CivicsClass.Benchmarks.Imaging;

/// <summary>
/// NetVips (the site's processor, libvips bundled by NetVips.Native) beside ImageSharp 2.1 on the
/// same thumbnails and the same crafted files, in one run. Each library works in a process of its
/// own, so each peak-memory figure is that library's alone; the pictures are made once, up front.
/// </summary>
internal static class ImagingComparison
{
    private static readonly string[] Libraries = ["netvips", "imagesharp"];

    public static async Task<int> RunAsync(BenchmarkOptions options, string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Value("--library") is { } only && Value("--inputs") is { } inputs)
        {
            return Value("--crafted") is { } crafted
                ? CraftedChild(Processor(only), Path.Combine(inputs, crafted))
                : ThumbnailsChild(Processor(only), inputs, Math.Clamp(options.Seconds, 1, 60));
        }

        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var pictures = ComparisonInputs.Pictures();
            for (var i = 0; i < pictures.Count; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, $"picture{i}"), pictures[i].Bytes);
                await File.WriteAllTextAsync(Path.Combine(directory, $"picture{i}.name"), pictures[i].Name);
            }

            var crafted = ComparisonInputs.Crafted();
            foreach (var (name, bytes) in crafted)
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, name), bytes);
            }

            Console.WriteLine($"imaging comparison: the site's {new MediaOptions().Profiles.Count} profiles, JPEG Q80 and WebP Q75 out, one image at a time, {options.Seconds} s per figure, {Environment.ProcessorCount} cores");
            Console.WriteLine("thumbnails (each library in a process of its own):");
            foreach (var library in Libraries)
            {
                await ChildAsync(["--library", library, "--inputs", directory, "--seconds", options.Seconds.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(10));
            }

            Console.WriteLine("crafted files (Check: what an upload gets after the size check; each in a fresh process, 120 s at most):");
            foreach (var (name, bytes) in crafted)
            {
                Console.WriteLine($"  {name} — {ComparisonInputs.Describe(name)}, {bytes.Length / 1024.0:N0} KB; the site's own header check: {HeaderCheck(bytes)}");
                foreach (var library in Libraries)
                {
                    await ChildAsync(["--library", library, "--inputs", directory, "--crafted", name], TimeSpan.FromSeconds(120));
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IImageProcessor Processor(string library) => library switch
    {
        "netvips" => VipsImageProcessor.Create(),
        "imagesharp" => new ImageSharpImageProcessor(),
        _ => throw new ArgumentException($"no library {library}", nameof(library)),
    };

    private static int ThumbnailsChild(IImageProcessor images, string inputs, int seconds)
    {
        var profiles = new MediaOptions().Profiles.Values.ToList();
        var baseline = PeakResidentMegabytes();
        var heapPeak = 0L;
        for (var i = 0; File.Exists(Path.Combine(inputs, $"picture{i}")); i++)
        {
            var bytes = File.ReadAllBytes(Path.Combine(inputs, $"picture{i}"));
            var name = File.ReadAllText(Path.Combine(inputs, $"picture{i}.name"));
            foreach (var format in new[] { ImageFormat.Jpeg, ImageFormat.Webp })
            {
                images.Render(bytes, profiles[0], format); // warm up
                var (count, clock) = (0, Stopwatch.StartNew());
                while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
                {
                    images.Render(bytes, profiles[count % profiles.Count], format);
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                    count++;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {images.Description,-16} {name,-22} {bytes.Length / 1048576.0,4:F1} MB → {format.Extension(),-4} {count / clock.Elapsed.TotalSeconds,6:F2} thumbnails/s"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {images.Description,-16} peak resident {PeakResidentMegabytes()} MB (process start {baseline} MB), managed heap peak {heapPeak >> 20} MB, allocated {GC.GetTotalAllocatedBytes() >> 20} MB{NativeHighWater(images)}"));
        return 0;
    }

    private static int CraftedChild(IImageProcessor images, string file)
    {
        var bytes = File.ReadAllBytes(file);
        var baseline = PeakResidentMegabytes();
        var clock = Stopwatch.StartNew();
        var check = images.Check(bytes);
        clock.Stop();
        var outcome = check.Error is null ? $"ACCEPTED as {check.Width}×{check.Height}" : "refused: " + Shorten(check.Error);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {images.Description,-16} {outcome} in {clock.Elapsed.TotalMilliseconds:N0} ms, peak resident {PeakResidentMegabytes()} MB (before {baseline} MB){NativeHighWater(images)}"));
        return 0;
    }

    /// <summary>The child's output is passed through; a child that crashes or overruns is reported, not fatal.</summary>
    private static async Task ChildAsync(string[] arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // Started as "dotnet CivicsClass.Benchmarks.dll" rather than through the app host: the child is too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ImagingComparison).Assembly.Location);
        }

        start.ArgumentList.Add("media-compare");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(limit);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Console.WriteLine($"    {arguments[1],-16} still running after {limit.TotalSeconds:N0} s: stopped");
            return;
        }

        Console.Write(await output);
        if (process.ExitCode != 0)
        {
            var last = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            Console.WriteLine($"    {arguments[1],-16} process ended with exit code {process.ExitCode}: {Shorten(last)}");
        }
    }

    private static string HeaderCheck(byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        var type = MediaSniffer.Detect(bytes);
        var size = type is null ? null : ImageHeader.Read(bytes, type);
        var settings = new MediaOptions();
        var refused = size is { } s && ((long)s.Width * s.Height > settings.MaxPixels || s.Width > settings.MaxDimension || s.Height > settings.MaxDimension);
        var structure = !refused && type is not null && ImageStructure.Check(bytes, type) is not null;
        clock.Stop();
        var verdict = refused ? $"refused by size {size!.Value.Width}×{size.Value.Height}" : structure ? "refused by structure" : "passed";
        return string.Create(CultureInfo.InvariantCulture, $"{verdict} in {clock.Elapsed.TotalMilliseconds:F2} ms");
    }

    private static string NativeHighWater(IImageProcessor images) =>
        images is VipsImageProcessor ? $", libvips tracked high-water {NetVips.Stats.MemHighwater >> 20} MB" : "";

    private static long PeakResidentMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 >> 20;
    }

    private static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 110 ? line : line[..110] + "…";
    }
}
