using CivicsClass.Data;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Migrations;
using Microsoft.Data.Sqlite;

namespace CivicsClass.Operations.Backups;

/// <summary>
/// Puts a backup back into the configured database and <c>App_Data</c>. The whole backup is
/// unpacked and checked first; only then is the site replaced, and the counts are read back.
/// The site should be stopped while a restore runs.
/// </summary>
internal sealed class SiteRestore(ISqlDialect dialect, DatabaseOptions options, SiteFolders folders, IEnumerable<IDataMigration> migrations)
{
    /// <summary>What was restored; <paramref name="SharedMedia"/> names linked media storage that was left for the operator.</summary>
    public sealed record Result(BackupManifest Manifest, SiteCounts Restored, string? SharedMedia);

    public async Task<Result> RunAsync(string file, bool force, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folders.Data);
        // Inside App_Data, so that putting the files in place is a rename on the same disk.
        var staging = Path.Combine(folders.Data, SiteFolders.StagingPrefix + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var manifest = await BackupArchive.UnpackAsync(Path.GetFullPath(file), staging, cancellationToken);
            CheckCompatible(manifest);

            if (!force && await CountAsync(cancellationToken) is { IsEmpty: false } current)
            {
                throw new OperationException(
                    $"站点不是空的（{current}）：恢复会覆盖它。确认要覆盖时请加 --force。",
                    $"The site is not empty ({current}): restoring would overwrite it. Add --force to overwrite it.");
            }

            if (dialect.Name == "sqlite")
            {
                await ReplaceSqliteAsync(BackupArchive.StagedPath(staging, SiteBackup.SqliteEntry, file), cancellationToken);
            }
            else
            {
                await RefuseNewerSchemaAsync(manifest, cancellationToken);
                await PostgresClientTools.RestoreAsync(options.ConnectionString!, BackupArchive.StagedPath(staging, SiteBackup.PostgresEntry, file), cancellationToken);
            }

            // Renaming would put a local folder where a link to shared storage was: that is left to the operator.
            var shared = new DirectoryInfo(folders.Media).LinkTarget;
            ReplaceFiles(Path.Combine(staging, SiteBackup.FilesPrefix), Path.Combine(staging, "previous"), replaceMedia: shared is null);
            return new Result(manifest, await CountAsync(cancellationToken), shared);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private void CheckCompatible(BackupManifest manifest)
    {
        if (manifest.Dialect != dialect.Name)
        {
            throw new OperationException(
                $"这是 {manifest.Dialect} 站点的备份，本站点使用 {dialect.Name}：请恢复到同类数据库（从 SQLite 迁往 PostgreSQL 请用 migrate-to-postgres）。",
                $"This is a backup of a {manifest.Dialect} site and this site uses {dialect.Name}: restore it into the same kind of database (to move from SQLite to PostgreSQL use migrate-to-postgres).");
        }

        var known = migrations.GroupBy(m => m.Module).ToDictionary(g => g.Key, g => g.SelectMany(m => m.Steps).Max(s => s.Number));
        foreach (var (module, step) in manifest.Migrations)
        {
            if (known.TryGetValue(module, out var latest) && step > latest)
            {
                throw new OperationException(
                    $"备份来自更新的版本（{module} 第 {step} 步，本版本只到第 {latest} 步）：请先升级本站点。",
                    $"The backup comes from a newer version ({module} step {step}, this version knows up to step {latest}): upgrade this site first.");
            }
        }
    }

    /// <summary>
    /// pg_restore replaces only the tables the dump holds: tables a later migration step made would
    /// stay behind, and the next start would try to make them again. SQLite's file is replaced whole.
    /// </summary>
    private async Task RefuseNewerSchemaAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        var current = await SiteCounts.MigrationStepsAsync(connection, dialect);
        var newer = current.Where(m => m.Value > manifest.Migrations.GetValueOrDefault(m.Key)).Select(m => $"{m.Key} {m.Value}").ToList();
        if (newer.Count > 0)
        {
            throw new OperationException(
                $"数据库的结构比备份新（{string.Join(", ", newer)}）：请先删除并重建数据库，再把备份恢复进去。",
                $"The database's schema is newer than the backup's ({string.Join(", ", newer)}): drop and create the database again, then restore into it.");
        }
    }

    private async Task<SiteCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await SiteCounts.ReadAsync(connection, dialect);
    }

    /// <summary>The new file is written beside the old one and renamed over it, so the database is either the old or the new one.</summary>
    private async Task ReplaceSqliteAsync(string staged, CancellationToken cancellationToken)
    {
        string path;
        await using (var connection = (SqliteConnection)await dialect.OpenConnectionAsync(cancellationToken))
        {
            path = Path.GetFullPath(connection.DataSource);
        }

        SqliteConnection.ClearAllPools();
        var incoming = path + ".restoring";
        File.Copy(staged, incoming, overwrite: true);
        // The old write-ahead log belongs to the old file: left beside the new one it would be replayed into it.
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        File.Move(incoming, path, overwrite: true);
    }

    /// <summary>
    /// The media folder becomes exactly the backup's; other files and folders the backup holds
    /// replace their namesakes. What they replace is moved aside and removed once all is in place.
    /// </summary>
    private void ReplaceFiles(string staged, string previous, bool replaceMedia)
    {
        Directory.CreateDirectory(staged);
        Directory.CreateDirectory(previous);
        var names = new DirectoryInfo(staged).EnumerateFileSystemInfos().Select(e => e.Name).Append(SiteFolders.MediaFolderName).Distinct()
            .Where(name => replaceMedia || name != SiteFolders.MediaFolderName);
        foreach (var name in names)
        {
            var target = Path.Combine(folders.Data, name);
            var incoming = Path.Combine(staged, name);
            if (Directory.Exists(target))
            {
                Directory.Move(target, Path.Combine(previous, name));
            }
            else if (File.Exists(target))
            {
                File.Move(target, Path.Combine(previous, name));
            }

            if (Directory.Exists(incoming))
            {
                Directory.Move(incoming, target);
            }
            else if (File.Exists(incoming))
            {
                File.Move(incoming, target);
            }
        }
    }
}
