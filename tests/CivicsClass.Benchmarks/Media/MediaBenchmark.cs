using System.Diagnostics;
using System.Globalization;
using CivicsClass.Benchmarks.Site;
using CivicsClass.Data;
using CivicsClass.Media;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Storage;
using CivicsClass.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicsClass.Benchmarks.Media;

/// <summary>
/// Thumbnails of a 12-megapixel JPEG to each profile: made fresh every time (cold), and served
/// from the derivative cache through <c>/media/{key}</c> on Kestrel (cached). Cold figures stand
/// beside <c>vipsthumbnail</c> making the same sizes from the same file in the same run; cached
/// figures (loaded by wrk, so the host's memory is its own) beside the same bytes served from
/// memory by the same host.
/// </summary>
internal static class MediaBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var images = VipsImageProcessor.Create();
        if (!images.IsAvailable || !File.Exists("/usr/bin/vipsthumbnail") || !File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("vipsthumbnail (the baseline) and wrk are needed: apt-get install libvips-tools wrk");
            return 1;
        }

        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var photo = await PhotoAsync(directory);
            var bytes = await File.ReadAllBytesAsync(photo);
            var profiles = new MediaOptions().Profiles;
            var seconds = Math.Clamp(options.Seconds, 1, 30);
            Console.WriteLine($"media benchmark: {images.Description}, a 4000×3000 JPEG of {bytes.Length / 1024.0 / 1024.0:F1} MB, JPEG Q80 output, {seconds} s per figure");

            Console.WriteLine("cold (decode, resize, encode every time; one at a time):");
            foreach (var (name, profile) in profiles)
            {
                var ours = TimeRenders(images, bytes, profile, TimeSpan.FromSeconds(seconds));
                var (baseline, baselinePeak) = await VipsThumbnailAsync(directory, photo, profile, Math.Max(4, (int)Math.Ceiling(ours * seconds)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-10} {ours,7:F1} thumbnails/s   vipsthumbnail {baseline,7:F1}/s   ratio {ours / baseline,5:P0}   (vipsthumbnail peak {baselinePeak} MB)"));
            }

            Console.WriteLine($"  this process: {Measure.PeakMemory()}");
            await CachedAsync(directory, bytes, profiles.Keys, options);
            Console.WriteLine($"this process: {Measure.PeakMemory()}, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double TimeRenders(IImageProcessor images, byte[] photo, ImageProfile profile, TimeSpan duration)
    {
        images.Render(photo, profile, ImageFormat.Jpeg); // warm up
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            images.Render(photo, profile, ImageFormat.Jpeg);
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One vipsthumbnail process making <paramref name="count"/> thumbnails (the file named that many times), so start-up is paid once.</summary>
    private static async Task<(double PerSecond, long PeakMegabytes)> VipsThumbnailAsync(string directory, string photo, ImageProfile profile, int count)
    {
        var output = Path.Combine(directory, "vipsthumbnail");
        Directory.CreateDirectory(output);
        var inputs = Enumerable.Range(0, count).Select(i =>
        {
            var link = Path.Combine(output, $"in{i}.jpg");
            File.Delete(link);
            File.CreateSymbolicLink(link, photo);
            return link;
        }).ToList();
        var size = profile.Height is { } height && profile.Crop
            ? string.Create(CultureInfo.InvariantCulture, $"{profile.Width}x{height}")
            : string.Create(CultureInfo.InvariantCulture, $"{profile.Width}x10000000");
        var arguments = new List<string> { "-f", "%M", "vipsthumbnail", "--size", size, "--output", "tn_%s.jpg[Q=80,strip,interlace]" };
        if (profile.Crop)
        {
            arguments.AddRange(["--smartcrop", "centre"]);
        }

        arguments.AddRange(inputs);
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, UseShellExecute = false };
        arguments.ForEach(start.ArgumentList.Add);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("vipsthumbnail failed: " + errors);
        }

        var peakKilobytes = long.Parse(errors.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        return (count / clock.Elapsed.TotalSeconds, peakKilobytes / 1024);
    }

    /// <summary>The profiles through the endpoint once made, under load, each beside the same bytes from memory.</summary>
    private static async Task CachedAsync(string directory, byte[] photo, IEnumerable<string> profiles, BenchmarkOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Media:Folder"] = directory });
        builder.Services.AddData(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "bench.db")}" }.Settings(), directory);
        builder.Services.AddMedia(builder.Configuration);
        var ceilings = new Dictionary<string, byte[]>();
        await using var app = builder.Build();
        app.MapMedia();
        app.MapGet("/ceiling/{profile}", (string profile) => Results.Bytes(ceilings[profile], "image/jpeg"));
        await app.StartAsync();
        var key = await app.Services.GetRequiredService<IMediaStore>().SaveAsync(new MemoryStream(photo), ".jpg");
        var address = app.Urls.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Console.WriteLine($"cached (through /media/{{key}}?profile=…&format=jpeg on Kestrel; wrk, {options.Connections} connections, {options.Seconds} s):");
        foreach (var profile in profiles)
        {
            var url = $"/media/{key}?profile={profile}&format=jpeg";
            ceilings[profile] = await http.GetByteArrayAsync(url);
            var ceiling = await SiteBenchmark.WrkAsync(address, $"/ceiling/{profile}", options, varying: false);
            var cached = await SiteBenchmark.WrkAsync(address, url, options, varying: false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {profile,-10} {ceilings[profile].Length,8:N0} bytes   cached {cached}   from memory {ceiling.PerSecond,8:F0}/s   ratio {cached.PerSecond / ceiling.PerSecond,5:P0}"));
        }

        await app.StopAsync();
    }

    /// <summary>A 4000 × 3000 photograph-like JPEG (smooth noise in three channels), made by libvips' own command-line tool.</summary>
    private static async Task<string> PhotoAsync(string directory)
    {
        string In(string name) => Path.Combine(directory, name);
        string[][] steps =
        [
            ["gaussnoise", In("r.v"), "4000", "3000", "--mean", "120", "--sigma", "60"],
            ["gaussnoise", In("g.v"), "4000", "3000", "--mean", "110", "--sigma", "50"],
            ["gaussnoise", In("b.v"), "4000", "3000", "--mean", "100", "--sigma", "40"],
            ["bandjoin", $"{In("r.v")} {In("g.v")} {In("b.v")}", In("rgb.v")],
            ["gaussblur", In("rgb.v"), In("blur.v"), "1.2"],
            ["cast", In("blur.v"), In("photo.v"), "uchar"],
            ["jpegsave", In("photo.v"), In("photo.jpg"), "--Q", "90"],
        ];
        foreach (var step in steps)
        {
            var start = new ProcessStartInfo("vips") { UseShellExecute = false, RedirectStandardError = true };
            step.ToList().ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"vips {step[0]} failed: {errors}");
            }
        }

        return In("photo.jpg");
    }
}
