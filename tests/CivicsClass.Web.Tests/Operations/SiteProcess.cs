using System.Diagnostics;
using System.Net;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>
/// The site running as its own process on a free loopback port, as an operator runs it: its output is
/// collected line by line, it can be asked to stop (SIGTERM, as systemd or a container runtime does),
/// and it is killed when disposed if it still runs.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private SiteProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public Process Process => _process;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>Starts the site and waits until <c>/healthz</c> answers.</summary>
    public static async Task<SiteProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var port = LoopbackPort.Free();
        var site = new SiteProcess(Process.Start(OperatedSite.Process(database, settings, "--urls", $"http://127.0.0.1:{port}"))!, port);
        site._process.OutputDataReceived += site.Collect;
        site._process.ErrorDataReceived += site.Collect;
        site._process.BeginOutputReadLine();
        site._process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await site.Http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.False(site._process.HasExited, "the site exited at start:\n" + string.Join('\n', site.Lines));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "the site did not start in time");
            await Task.Delay(200);
        }
    }

    /// <summary>Asks the site to stop, as <c>kill -TERM</c> does.</summary>
    public void Terminate() => Assert.Equal(0, Kill(_process.Id, SignalTerminate));

    private const int SignalTerminate = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not null)
        {
            lock (_lines)
            {
                _lines.Add(e.Data);
            }
        }
    }
}
