using System.Diagnostics;
using CivicsClass.Operations.Backups;
using CivicsClass.Operations.MigrateToPostgres;

namespace CivicsClass.Operations;

/// <summary>
/// <c>backup [FILE]</c>, <c>restore FILE [--force]</c> and <c>migrate-to-postgres CONNECTION_STRING</c>:
/// run instead of the web server, before migrations, so that they see the site as it is.
/// </summary>
public static class OperationsCommands
{
    private const string Usage = """
        usage: backup [FILE.zip]
               restore FILE.zip [--force]
               migrate-to-postgres "Host=…;Username=…;Password=…;Database=…"
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore" or "migrate-to-postgres";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var services = app.Services;
        try
        {
            return args switch
            {
                ["backup"] => await BackupAsync(services, $"civicsclass-{DateTime.UtcNow:yyyyMMdd-HHmmss}.zip"),
                ["backup", var file] => await BackupAsync(services, file),
                ["restore", var file] => await RestoreAsync(services, file, force: false),
                ["restore", var file, "--force"] => await RestoreAsync(services, file, force: true),
                ["restore", "--force", var file] => await RestoreAsync(services, file, force: true),
                ["migrate-to-postgres", var target] => await MigrateAsync(services, target),
                _ => PrintUsage(),
            };
        }
        catch (OperationException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
        catch (System.Data.Common.DbException exception)
        {
            Console.Error.WriteLine($"数据库出错：{exception.Message}\nThe database answered with an error: {exception.Message}");
            return 1;
        }
    }

    private static int PrintUsage()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string file)
    {
        var backup = services.GetRequiredService<SiteBackup>();
        var manifest = await backup.CreateAsync(file);
        Console.WriteLine($"Backup written to {Path.GetFullPath(file)} ({manifest.Dialect}, {manifest.Files.Count - 1} files besides the database).");
        Console.WriteLine($"  {manifest.Counts}");
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string file, bool force)
    {
        var folders = services.GetRequiredService<SiteFolders>();
        var restore = services.GetRequiredService<SiteRestore>();
        var (manifest, restored, sharedMedia) = await restore.RunAsync(file, force);
        Console.WriteLine($"Restored {file} ({manifest.Dialect}, made {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss} UTC, {manifest.Files.Count - 1} files besides the database).");
        Console.WriteLine($"  backup:   {manifest.Counts}");
        Console.WriteLine($"  restored: {restored}");
        if (restored != manifest.Counts)
        {
            Console.Error.WriteLine("恢复后的数量与备份不符。\nThe restored counts differ from the backup's.");
            return 1;
        }

        if (sharedMedia is not null)
        {
            Console.WriteLine($"""
                {folders.Media} 是指向 {sharedMedia} 的链接，未改动：如需恢复媒体文件，请把备份中的 files/media 放到那里。
                {folders.Media} links to {sharedMedia} and was left alone: to restore the media, put the backup's files/media there.
                """);
        }

        Console.WriteLine("Counts match the backup. Start the site: its migrations bring an older backup up to date.");
        return 0;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string target)
    {
        var migration = services.GetRequiredService<PostgresMigration>();
        var counts = await migration.RunAsync(target);
        Console.WriteLine("Copied to PostgreSQL (rows per table, checked against SQLite):");
        foreach (var (table, rows) in counts)
        {
            Console.WriteLine($"  {table,-28} {rows,10}");
        }

        Console.WriteLine("Building this node's search index from the copied content…");
        if (await RebuildSearchAsync(target) != 0)
        {
            Console.WriteLine("The search index is built when the site first starts on PostgreSQL.");
        }

        Console.WriteLine($"""

            迁移完成。要让站点改用 PostgreSQL，请在 appsettings.json 的 "Database" 一节（或环境变量）中设置：
            Done. To switch the site to PostgreSQL, set in the "Database" section of appsettings.json (or the environment):
              Database:Provider = Postgres                        (Database__Provider=Postgres)
              Database:ConnectionString = the connection string given above (Database__ConnectionString=…)
            Uploaded files stay in App_Data/media. The SQLite database is left as it was.
            """);
        return 0;
    }

    /// <summary>The site's own <c>search rebuild</c>, run as a second process configured for the target database.</summary>
    private static async Task<int> RebuildSearchAsync(string target)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("search");
        start.ArgumentList.Add("rebuild");
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["Database__ConnectionString"] = target;
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
