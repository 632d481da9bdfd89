using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Testing.Site;

/// <summary>The whole site over a throw-away database, as <c>dotnet run</c> would start it.</summary>
public sealed class SiteFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-Site-Password-1";

    private readonly string _node = Guid.NewGuid().ToString("N")[..8];

    public TestDatabase Database => database;

    /// <summary>This node's search index folder.</summary>
    public string SearchIndexPath => Path.Combine(database.Directory, "App_Data", "search-" + _node);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Options.Provider);
        builder.UseSetting("Database:ConnectionString", database.Options.ConnectionString);
        builder.UseSetting("Setup:AdminPassword", AdminPassword);
        // Each site keeps its uploads in its own folder, so a test can see exactly what was stored.
        builder.UseSetting("Media:Folder", Path.Combine(database.Directory, "App_Data"));
        // Every node keeps its own search index; two nodes of a test farm share the database's folder.
        builder.UseSetting("Search:IndexPath", Path.Combine(database.Directory, "App_Data", "search-" + _node));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in many times from one address; the limit itself is tested with its own setting.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:PointsPerMinute", "100000");
        builder.UseSetting("RateLimits:FreeSignInFailuresPerAddress", "100000");
        // Narrating the 30 seeded lessons would take minutes of CPU in every site a test starts and fill its media
        // folder; the tests of lesson forms turn the jobs on with this setting.
        builder.UseSetting("Forms:RunJobs", "false");
        if (clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
