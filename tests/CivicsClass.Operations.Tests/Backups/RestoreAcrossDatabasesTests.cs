using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Operations.Tests.Backups;

/// <summary>A backup goes back only into the kind of database it came from.</summary>
public sealed class RestoreAcrossDatabasesTests
{
    [SkippableFact]
    public async Task Restore_SqliteBackupIntoPostgresSite_IsRefusedNamingMigrate()
    {
        await using var target = await new Postgres().CreateAsync();
        await using var source = await new Sqlite().CreateAsync();
        await OperatedSite.FillAsync(source, seeds: false);
        var file = Path.Combine(source.Directory, "site.zip");
        Assert.Equal(0, (await OperatedSite.RunAsync(source, "backup", file)).ExitCode);

        var restore = await OperatedSite.RunAsync(target, "restore", file);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("这是 sqlite 站点的备份，本站点使用 postgres", restore.Output);
        Assert.Contains("use migrate-to-postgres", restore.Output);
        Assert.False(Directory.Exists(Path.Combine(target.Directory, "App_Data", "media")));
    }
}
