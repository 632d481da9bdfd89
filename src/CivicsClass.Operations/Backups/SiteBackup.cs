using System.Data;
using System.IO.Compression;
using System.Security.Cryptography;
using CivicsClass.Data;
using CivicsClass.Data.Dialects;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CivicsClass.Operations.Backups;

/// <summary>
/// Writes a site into one zip file while the site may keep running: a consistent copy of the
/// database (SQLite's online backup, or <c>pg_dump</c> of one snapshot), the files under
/// <c>App_Data</c>, and a manifest with the counts the copy holds.
/// </summary>
internal sealed class SiteBackup(ISqlDialect dialect, DatabaseOptions options, SiteFolders folders, Search.Engine.SearchIndex search, TimeProvider clock)
{
    public const string SqliteEntry = "database/site.db";
    public const string PostgresEntry = "database/site.dump";
    public const string FilesPrefix = "files/";

    public async Task<BackupManifest> CreateAsync(string file, CancellationToken cancellationToken = default)
    {
        file = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        var work = Directory.CreateTempSubdirectory("civicsclass-backup-");
        try
        {
            var database = dialect.Name == "sqlite" ? await CopySqliteAsync(work.FullName, cancellationToken) : await DumpPostgresAsync(work.FullName, cancellationToken);
            // The search index is the node's own, made again from the database when it is missing.
            var excluded = new HashSet<string>(database.Excluded) { file, partial, search.Folder };
            var entries = new List<BackupFile>();
            BackupManifest manifest;
            await using (var stream = File.Create(partial))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                entries.Add(await AddAsync(zip, database.Entry, database.File, CompressionLevel.Fastest, cancellationToken));
                foreach (var (relative, path) in folders.Files(excluded))
                {
                    // Media is already compressed; deflating it again costs time for nothing.
                    entries.Add(await AddAsync(zip, FilesPrefix + relative, path, CompressionLevel.NoCompression, cancellationToken));
                }

                manifest = new BackupManifest(BackupManifest.CurrentFormat, dialect.Name, clock.GetUtcNow().UtcDateTime, database.Migrations, database.Counts, entries);
                await using var writer = new StreamWriter(await zip.CreateEntry(BackupManifest.EntryName).OpenAsync(cancellationToken));
                await writer.WriteAsync(manifest.ToJson());
            }

            // Only a finished backup carries the name asked for.
            File.Move(partial, file, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    private sealed record DatabaseCopy(string Entry, string File, SiteCounts Counts, Dictionary<string, int> Migrations, IReadOnlyList<string> Excluded);

    private async Task<DatabaseCopy> CopySqliteAsync(string work, CancellationToken cancellationToken)
    {
        var copyPath = Path.Combine(work, "site.db");
        await using var source = (SqliteConnection)await dialect.OpenConnectionAsync(cancellationToken);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copyPath, Pooling = false }.ToString());
        await copy.OpenAsync(cancellationToken);
        source.BackupDatabase(copy);
        // A self-contained file: the copy needs no write-ahead log beside it; the site turns WAL back on when it opens it.
        await copy.ExecuteAsync("PRAGMA journal_mode = DELETE");
        var counts = await SiteCounts.ReadAsync(copy, dialect);
        var migrations = await SiteCounts.MigrationStepsAsync(copy, dialect);
        var live = Path.GetFullPath(source.DataSource);
        return new DatabaseCopy(SqliteEntry, copyPath, counts, migrations, [live, live + "-wal", live + "-shm", live + "-journal"]);
    }

    private async Task<DatabaseCopy> DumpPostgresAsync(string work, CancellationToken cancellationToken)
    {
        var dumpPath = Path.Combine(work, "site.dump");
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        // pg_dump reads the snapshot this transaction exports, so the counts and the dump agree.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var snapshot = await connection.ExecuteScalarAsync<string>("SELECT pg_export_snapshot()", transaction: transaction);
        var counts = await SiteCounts.ReadAsync(connection, dialect, transaction);
        var migrations = await SiteCounts.MigrationStepsAsync(connection, dialect, transaction);
        await PostgresClientTools.DumpAsync(options.ConnectionString!, dumpPath, snapshot!, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DatabaseCopy(PostgresEntry, dumpPath, counts, migrations, []);
    }

    private static async Task<BackupFile> AddAsync(ZipArchive zip, string entryName, string path, CompressionLevel level, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(entryName, level);
        entry.LastWriteTime = File.GetLastWriteTime(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var input = File.OpenRead(path))
        await using (var output = await entry.OpenAsync(cancellationToken))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
        }

        return new BackupFile(entryName, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
