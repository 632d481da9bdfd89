using System.Text.Json;

namespace CivicsClass.Operations.Backups;

/// <summary>
/// The first thing a restore reads: what made the backup, from which kind of database, at which
/// schema steps, what it should count once restored, and every stored file with its length and
/// SHA-256 so that a damaged or cut-off backup is refused before anything is touched.
/// </summary>
internal sealed record BackupManifest(
    int Format,
    string Dialect,
    DateTime CreatedUtc,
    Dictionary<string, int> Migrations,
    SiteCounts Counts,
    List<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static BackupManifest? FromJson(string json) => JsonSerializer.Deserialize<BackupManifest>(json, s_json);
}
