using CivicsClass.Operations.Backups;
using CivicsClass.Operations.MigrateToPostgres;
using Microsoft.Extensions.Hosting;

namespace CivicsClass.Operations;

/// <summary>
/// Backup, restore and the move from SQLite to PostgreSQL, which the host runs as commands
/// (<see cref="OperationsCommands"/>) instead of the web server. Operations has no pages or API to
/// map, declares no permissions (only someone at the server's console runs it) and owns no tables:
/// it reads and writes every module's tables as they are, which docs/modules.md allows it alone.
/// </summary>
public static class OperationsModule
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton(provider => new SiteFolders(provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddTransient<SiteBackup>();
        services.AddTransient<SiteRestore>();
        services.AddTransient<PostgresMigration>();
        return services;
    }
}
