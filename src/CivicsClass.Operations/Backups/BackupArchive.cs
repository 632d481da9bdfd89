using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace CivicsClass.Operations.Backups;

/// <summary>
/// Reads a backup into a staging folder and checks every byte against the manifest, so that a
/// restore starts only from a backup known to be whole.
/// </summary>
internal static class BackupArchive
{
    public static async Task<BackupManifest> UnpackAsync(string file, string staging, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            throw new OperationException($"找不到备份文件 {file}。", $"The backup file {file} was not found.");
        }

        try
        {
            await using var stream = File.OpenRead(file);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var manifest = await ReadManifestAsync(zip, file, cancellationToken);
            foreach (var expected in manifest.Files)
            {
                var entry = zip.GetEntry(expected.Entry) ?? throw Damaged(file, $"{expected.Entry} is missing");
                await ExtractAsync(entry, expected, StagedPath(staging, expected.Entry, file), file, cancellationToken);
            }

            return manifest;
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException or JsonException)
        {
            throw Damaged(file, exception.Message);
        }
    }

    /// <summary>Where an entry goes under the staging folder; names that would climb out of it are refused.</summary>
    public static string StagedPath(string staging, string entryName, string file)
    {
        var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, entryName));
        return path.StartsWith(root, StringComparison.Ordinal) ? path : throw Damaged(file, $"the entry name {entryName} is not allowed");
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, string file, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName)
            ?? throw new OperationException($"{file} 不是本平台的备份（缺少 {BackupManifest.EntryName}）。", $"{file} is not a CivicsClass backup (no {BackupManifest.EntryName}).");
        using var reader = new StreamReader(await entry.OpenAsync(cancellationToken));
        var manifest = BackupManifest.FromJson(await reader.ReadToEndAsync(cancellationToken)) ?? throw Damaged(file, "the manifest is empty");
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new OperationException(
                $"备份格式 {manifest.Format} 无法识别（本版本读取格式 {BackupManifest.CurrentFormat}）：请用制作该备份的版本或更新的版本恢复。",
                $"Backup format {manifest.Format} is not known (this version reads format {BackupManifest.CurrentFormat}): restore it with the version that made it or a newer one.");
        }

        return manifest with { Files = manifest.Files ?? [], Migrations = manifest.Migrations ?? [] };
    }

    private static async Task ExtractAsync(ZipArchiveEntry entry, BackupFile expected, string path, string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var input = await entry.OpenAsync(cancellationToken))
        await using (var output = File.Create(path))
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

        if (length != expected.Length || Convert.ToHexStringLower(hash.GetHashAndReset()) != expected.Sha256)
        {
            throw Damaged(file, $"{expected.Entry} does not match its checksum");
        }
    }

    private static OperationException Damaged(string file, string reason) => new(
        $"备份文件 {file} 已损坏或不完整（{reason}），站点未作任何改动。",
        $"The backup file {file} is damaged or incomplete ({reason}); the site was not changed.");
}
