using CivicsClass.Data;
using Microsoft.Extensions.Configuration;

namespace CivicsClass.Testing;

/// <summary>A test database as the site's settings name it, for modules that read their settings from configuration.</summary>
public static class DatabaseSettings
{
    public static IConfiguration Settings(this DatabaseOptions options, IReadOnlyDictionary<string, string?>? more = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = options.Provider, ["Database:ConnectionString"] = options.ConnectionString })
            .AddInMemoryCollection(more ?? new Dictionary<string, string?>())
            .Build();
}
