using CivicsClass.Data.Dialects;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicsClass.Data;

public static class DataModule
{
    /// <summary>The document store over the database in the <c>Database</c> section, migrations, the job runner's claims (<c>Jobs</c>) and cache signals.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton(options);
        services.AddSingleton(new AppDataFolder(Path.Combine(contentRoot, "App_Data")));
        services.AddSingleton<ISqlDialect>(_ => CreateDialect(options, contentRoot));
        services.AddSingleton<IndexWriter>();
        services.AddSingleton<IDocumentStore, DocumentStore>();
        services.AddScoped(provider => provider.GetRequiredService<IDocumentStore>().CreateSession());
        services.AddSingleton<IDataMigration, CoreMigrations>();
        services.AddSingleton<MigrationRunner>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Jobs.JobOptions>()
            .Bind(configuration.GetSection("Jobs"))
            .Validate(jobs => jobs.LeaseSeconds is >= 10 and <= 3600, "Jobs:LeaseSeconds must be between 10 and 3600.")
            .Validate(jobs => jobs.Node is null || jobs.Node.Trim().Length <= Jobs.JobOptions.MaxNodeLength, $"Jobs:Node must be at most {Jobs.JobOptions.MaxNodeLength} characters.")
            .ValidateOnStart();
        services.AddSingleton(provider => new Jobs.JobNode(provider.GetRequiredService<IOptions<Jobs.JobOptions>>().Value));
        services.AddSingleton<Jobs.JobClaims>();
        services.AddSingleton<Jobs.IJobReport>(provider => provider.GetRequiredService<Jobs.JobClaims>());
        services.AddSingleton<Caching.CacheSignals>();
        services.AddSingleton<Caching.CacheSignalListener>();
        services.AddHostedService(provider => provider.GetRequiredService<Caching.CacheSignalListener>());
        return services;
    }

    public static ISqlDialect CreateDialect(DatabaseOptions options, string contentRoot)
    {
        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(options.Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresDialect(options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres."));
        }

        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{options.Provider}' is unknown; use Sqlite or Postgres.");
        }

        var connectionString = options.ConnectionString
            ?? $"Data Source={Path.Combine(contentRoot, "App_Data", "civicsclass.db")}";
        return new SqliteDialect(connectionString);
    }
}
