using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CivicsClass.Benchmarks.Content;

namespace CivicsClass.Benchmarks.Search;

/// <summary>
/// The built site (<c>dotnet CivicsClass.Web.dll</c>) as a process of its own, in production mode, with its own
/// content root and App_Data, on Kestrel at a loopback port: its memory is the site's alone, read from
/// <c>/proc/&lt;pid&gt;/status</c>. Its GC is chosen by the runtime's environment variables, which win over the
/// site's runtimeconfig.json.
/// </summary>
internal sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private readonly Timer _sampler;
    private long _peakAnonymousKb;

    private SiteProcess(Process process, string address, StreamWriter log, string logPath)
    {
        _process = process;
        Address = address;
        _log = log;
        _logPath = logPath;
        _sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
    }

    public string Address { get; }

    public int Id => _process.Id;

    /// <summary>The site's assembly as built beside this benchmark (same configuration), by its project reference.</summary>
    public static string BuiltSite()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(ContentBenchmark.FindRoot(), "src", "CivicsClass.Web", "bin", output.Parent!.Name, output.Name, "CivicsClass.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The site is not built at {dll}: build the benchmark in the same configuration.");
    }

    public static SiteProcess Start(string contentRoot, string databaseProvider, string connectionString, IReadOnlyDictionary<string, string> gc)
    {
        Directory.CreateDirectory(contentRoot);
        var root = ContentBenchmark.FindRoot();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltSite());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_GC", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name); // this benchmark's own GC settings are not the site's
        }

        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = databaseProvider,
            ["Database__ConnectionString"] = connectionString,
            ["Setup__Recipe"] = Path.Combine(root, "content-recipes", "civics-class.recipe.json"),
            ["Setup__Seeds"] = Path.Combine(root, "seeds"),
            ["Setup__AdminPassword"] = "Benchmark-Site-1",
            ["Logging__LogLevel__Default"] = "Warning",
            // Narration and mind maps of the seeded lessons would compete for the same two cores.
            ["Forms__RunJobs"] = "false",
            // Every search runs the engine: repeated queries are not answered from the result cache.
            ["Search__ResultCacheSize"] = "0",
            // /readyz is "healthy" only once the index has every task of the log.
            ["Health__SearchBacklog"] = "0",
        };
        foreach (var (name, value) in settings.Concat(gc))
        {
            start.Environment[name] = value;
        }

        var logPath = Path.Combine(contentRoot, "site.log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiteProcess(process, $"http://127.0.0.1:{port}", log, logPath);
    }

    /// <summary>Waits until <c>/readyz</c> says healthy: set up, and the index has every task of the log.</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The site exited with {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                var body = await http.GetStringAsync($"{Address}/readyz");
                if (body.Contains("\"status\":\"healthy\"", StringComparison.Ordinal))
                {
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet, or unhealthy (503) while it sets up.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The site was not ready within {timeout}:\n{Tail()}");
    }

    /// <summary>The most memory the process has held resident (VmHWM), in MB.</summary>
    public long PeakResidentMb => Status("VmHWM:") / 1024;

    public long ResidentMb => Status("VmRSS:") / 1024;

    /// <summary>
    /// The most anonymous memory (RssAnon: the heaps, managed and native, and stacks) seen resident, sampled every
    /// 200 ms, in MB. The rest of the resident set is files mapped by the process (the index's segments, the code),
    /// pages the kernel can drop and read again.
    /// </summary>
    public long PeakAnonymousMb => Interlocked.Read(ref _peakAnonymousKb) / 1024;

    /// <summary>Starts the peaks (VmHWM, and the sampled anonymous memory) again from what is resident now.</summary>
    public void ResetPeak()
    {
        File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
        Interlocked.Exchange(ref _peakAnonymousKb, 0);
        Sample();
    }

    /// <summary>How many of the process's threads are the server GC's (".NET Server GC"): none under workstation GC.</summary>
    public int ServerGcThreads => Directory.GetDirectories($"/proc/{_process.Id}/task")
        .Count(t => File.Exists(Path.Combine(t, "comm")) && File.ReadAllText(Path.Combine(t, "comm")).Contains("Server GC", StringComparison.Ordinal));

    public string Tail() => string.Join('\n', File.ReadLines(_logPath).TakeLast(40));

    private void Sample()
    {
        try
        {
            var anonymous = Status("RssAnon:");
            long seen;
            while (anonymous > (seen = Interlocked.Read(ref _peakAnonymousKb)) && Interlocked.CompareExchange(ref _peakAnonymousKb, anonymous, seen) != seen)
            {
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            // Not started yet, or gone.
        }
    }

    private long Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Stops the site as a service manager does (SIGTERM), so it commits its index; killed if it takes longer than 60 s.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sampler.DisposeAsync();
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
