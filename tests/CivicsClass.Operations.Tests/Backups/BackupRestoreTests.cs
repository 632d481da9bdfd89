using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Operations.Tests.Backups;

/// <summary><c>backup</c> and <c>restore</c> as an operator runs them, on each database.</summary>
public abstract class BackupRestoreTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Restore_AfterWipe_BringsBackContentLedgerUsersAndMedia()
    {
        await using var database = await new TProvider().CreateAsync();
        await OperatedSite.FillAsync(database);
        var before = await SiteSnapshot.ReadAsync(database);
        var file = Path.Combine(database.Directory, "site.zip");

        var backup = await OperatedSite.RunAsync(database, "backup", file);
        await OperatedSite.WipeAsync(database);
        var restore = await OperatedSite.RunAsync(database, "restore", file);
        var after = await SiteSnapshot.ReadAsync(database);

        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Contains("Counts match the backup.", restore.Output);
        Assert.Contains($"ledger entries 3 ({before.LedgerSum} points)", restore.Output);
        Assert.True(before.Items.Count > 60 && before.Ledger.Count == 3 && before.Media.Count == 2);
        SiteSnapshot.AssertSame(before, after);
    }

    [SkippableFact]
    public async Task Restore_TruncatedBackup_IsRefusedAndChangesNothing()
    {
        await using var database = await new TProvider().CreateAsync();
        await OperatedSite.FillAsync(database, seeds: false);
        var file = Path.Combine(database.Directory, "site.zip");
        Assert.Equal(0, (await OperatedSite.RunAsync(database, "backup", file)).ExitCode);
        var whole = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, whole[..(whole.Length * 2 / 3)]);
        await File.WriteAllTextAsync(Path.Combine(database.Directory, "App_Data", "media", "added-since.txt"), "新的");
        var before = await SiteSnapshot.ReadAsync(database);

        var restore = await OperatedSite.RunAsync(database, "restore", file, "--force");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("已损坏或不完整", restore.Output);
        Assert.Contains("is damaged or incomplete", restore.Output);
        Assert.Contains("the site was not changed", restore.Output);
        SiteSnapshot.AssertSame(before, await SiteSnapshot.ReadAsync(database));
    }

    [SkippableFact]
    public async Task Restore_NonEmptySiteWithoutForce_IsRefusedUntilForced()
    {
        await using var database = await new TProvider().CreateAsync();
        await OperatedSite.FillAsync(database, seeds: false);
        var file = Path.Combine(database.Directory, "site.zip");
        Assert.Equal(0, (await OperatedSite.RunAsync(database, "backup", file)).ExitCode);
        var before = await SiteSnapshot.ReadAsync(database);

        var refused = await OperatedSite.RunAsync(database, "restore", file);
        var forced = await OperatedSite.RunAsync(database, "restore", file, "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("站点不是空的", refused.Output);
        Assert.Contains("Add --force to overwrite it.", refused.Output);
        Assert.True(forced.ExitCode == 0, forced.Output);
        SiteSnapshot.AssertSame(before, await SiteSnapshot.ReadAsync(database));
    }
}

public sealed class SqliteBackupRestoreTests : BackupRestoreTests<Sqlite>;

public sealed class PostgresBackupRestoreTests : BackupRestoreTests<Postgres>;
