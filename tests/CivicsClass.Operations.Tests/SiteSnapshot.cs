using System.Security.Cryptography;
using CivicsClass.Data;
using CivicsClass.Testing;
using Dapper;
using Xunit;

namespace CivicsClass.Operations.Tests;

/// <summary>Everything a restore or a migration must bring back, read straight from a site's database and media folder.</summary>
internal sealed record SiteSnapshot(
    IReadOnlyList<SiteSnapshot.StoredDocument> Documents,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> Versions,
    IReadOnlyList<string> Users,
    IReadOnlyList<SiteSnapshot.Entry> Ledger,
    IReadOnlyDictionary<string, string> Media)
{
    // Properties rather than constructor parameters: Dapper matches a constructor only by exact column
    // types, and SQLite's integers are all 64-bit.
    public sealed record StoredDocument
    {
        public long Id { get; init; }
        public string Type { get; init; } = "";
        public string Content { get; init; } = "";
        public int Version { get; init; }
    }

    public sealed record Entry
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string Rule { get; init; } = "";
        public string IdempotencyKey { get; init; } = "";
        public int Points { get; init; }
        public DateTime CreatedUtc { get; init; }
        public long? ReversesId { get; init; }
    }

    public long LedgerSum => Ledger.Sum(e => e.Points);

    public static void AssertSame(SiteSnapshot expected, SiteSnapshot actual)
    {
        Assert.Equal(expected.Documents, actual.Documents);
        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.Versions, actual.Versions);
        Assert.Equal(expected.Users, actual.Users);
        Assert.Equal(expected.Ledger, actual.Ledger);
        Assert.Equal(expected.LedgerSum, actual.LedgerSum);
        Assert.Equal(expected.Media, actual.Media);
    }

    public static async Task<SiteSnapshot> ReadAsync(TestDatabase database) => await ReadAsync(database.Options, database.Directory);

    public static async Task<SiteSnapshot> ReadAsync(DatabaseOptions options, string directory)
    {
        var dialect = DataModule.CreateDialect(options, directory);
        try
        {
            await using var connection = await dialect.OpenConnectionAsync();
            var documents = await connection.QueryAsync<StoredDocument>("SELECT id, type, content, version FROM document ORDER BY id");
            var items = await connection.QueryAsync<string>("SELECT DISTINCT content_item_id FROM content_item_index ORDER BY content_item_id");
            var versions = await connection.QueryAsync<string>("SELECT content_item_version_id FROM content_item_index ORDER BY content_item_version_id");
            var users = await connection.QueryAsync<string>("SELECT normalized_user_name FROM user_index ORDER BY normalized_user_name");
            var ledger = await connection.QueryAsync<Entry>(
                "SELECT id, user_id, rule, idempotency_key, points, created_utc, reverses_id FROM points_entry ORDER BY id");
            return new SiteSnapshot(documents.ToList(), items.ToList(), versions.ToList(), users.ToList(), ledger.ToList(), ReadMedia(directory));
        }
        finally
        {
            if (dialect is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static SortedDictionary<string, string> ReadMedia(string directory)
    {
        var root = Path.Combine(directory, "App_Data", "media");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        return files;
    }
}
