using System.Text.Json;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using Dapper;

namespace CivicsClass.Media.Library;

internal sealed class MediaMigrations : IDataMigration
{
    public string Module => "Media";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, async context =>
        {
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE media_folder (
                    id {d.IdentityColumn},
                    name {d.Text} NOT NULL UNIQUE,
                    created_utc {d.Timestamp} NOT NULL);
                CREATE TABLE media_file (
                    media_key {d.Text} NOT NULL PRIMARY KEY,
                    name {d.Text} NOT NULL,
                    folder_id {d.BigInt} NULL,
                    content_type {d.Text} NOT NULL,
                    kind {d.Text} NOT NULL,
                    size_bytes {d.BigInt} NOT NULL,
                    width {d.Int} NULL,
                    height {d.Int} NULL,
                    uploaded_by {d.Text} NULL,
                    created_utc {d.Timestamp} NOT NULL);
                CREATE INDEX ix_media_file_created ON media_file (created_utc);
                CREATE INDEX ix_media_file_folder ON media_file (folder_id, created_utc);
                CREATE INDEX ix_media_file_uploader ON media_file (uploaded_by, created_utc);
                CREATE TABLE media_usage_index (
                    document_id {d.BigInt} NOT NULL REFERENCES document (id),
                    content_item_id {d.Text} NOT NULL,
                    media_key {d.Text} NOT NULL,
                    latest {d.Bool} NOT NULL,
                    published {d.Bool} NOT NULL);
                CREATE INDEX ix_media_usage_key ON media_usage_index (media_key, content_item_id);
                CREATE INDEX ix_media_usage_document ON media_usage_index (document_id);
                """);
            await IndexExistingContentAsync(context);
        }),
    ];

    /// <summary>A site that had content before the library existed: its items' media addresses are indexed once here.</summary>
    private static async Task IndexExistingContentAsync(MigrationContext context)
    {
        var rows = await context.Connection.QueryAsync<(long Id, string Content)>(
            "SELECT id, content FROM document WHERE type = @type AND content LIKE '%/media/%'", new { type = nameof(ContentItem) }, context.Transaction);
        foreach (var (id, json) in rows)
        {
            if (JsonSerializer.Deserialize<ContentItem>(json, DocumentJson.Options) is not { } item)
            {
                continue;
            }

            foreach (var usage in MediaUsageIndexProvider.Usages(item))
            {
                await context.Connection.ExecuteAsync("""
                    INSERT INTO media_usage_index (document_id, content_item_id, media_key, latest, published)
                    VALUES (@id, @ContentItemId, @MediaKey, @Latest, @Published)
                    """, new { id, usage.ContentItemId, usage.MediaKey, usage.Latest, usage.Published }, context.Transaction);
            }
        }
    }
}
