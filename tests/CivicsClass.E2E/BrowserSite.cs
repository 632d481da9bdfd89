using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicsClass.E2E;

/// <summary>
/// The seeded site on a real Kestrel port and Debian's Chromium driven by Playwright (never a
/// downloaded browser). Shared by the tests of a class; each test opens its own browser context.
/// </summary>
public class BrowserSite : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    public BrowserSite()
    {
    }

    /// <summary>A site started with these settings (for example without the demo content).</summary>
    protected BrowserSite(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    private static readonly string s_artefacts = Environment.GetEnvironmentVariable("CIVICS_E2E_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Keeps a full-page screenshot of a journey's step with the test results.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(s_artefacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_artefacts, name + ".png"), FullPage = true });
    }

    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>More command-line switches for Chromium, for a journey that needs them (WebGL in software).</summary>
    protected virtual IReadOnlyList<string> BrowserArguments => [];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _database;
    private SiteFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseAddress { get; private set; } = "";

    /// <summary>The site's clock: real time, which a journey can push forward past a minimum study time.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>The running site's services, for creating the people a journey needs.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Start the site first.");

    public async Task<IBrowser> StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                return _browser;
            }

            Xunit.Skip.IfNot(File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable("CIVICS_REQUIRE_BROWSER") == "1",
                $"{ChromiumPath} is missing (./test.sh installs Debian's chromium).");
            _database = await new Sqlite().CreateAsync();
            _factory = new SiteFactory(_database, _settings, clock: Clock);
            _factory.UseKestrel(0);
            _factory.StartServer();
            BaseAddress = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", .. BrowserArguments],
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
