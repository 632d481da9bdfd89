using CivicsClass.Data.Migrations;

namespace CivicsClass.Media.Forms;

/// <summary>The generated forms of items: one row per item, kind and source hash, which is both the job and its result.</summary>
internal sealed class LessonFormMigrations : IDataMigration
{
    public string Module => "LessonForms";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, context =>
        {
            var d = context.Dialect;
            return context.ExecuteAsync($"""
                CREATE TABLE lesson_form (
                    id {d.IdentityColumn},
                    content_item_id {d.Text} NOT NULL,
                    kind {d.Text} NOT NULL,
                    source_hash {d.Text} NOT NULL,
                    state {d.Text} NOT NULL,
                    attempts {d.Int} NOT NULL,
                    not_before_utc {d.Timestamp} NOT NULL,
                    claim_token {d.Text} NULL,
                    claimed_until_utc {d.Timestamp} NULL,
                    media_key {d.Text} NULL,
                    media_type {d.Text} NULL,
                    size_bytes {d.BigInt} NULL,
                    duration_seconds {d.Double} NULL,
                    sentences {d.Text} NULL,
                    timings {d.Text} NULL,
                    error {d.Text} NULL,
                    created_utc {d.Timestamp} NOT NULL,
                    completed_utc {d.Timestamp} NULL,
                    UNIQUE (content_item_id, kind, source_hash));
                CREATE INDEX ix_lesson_form_queue ON lesson_form (state, not_before_utc);
                CREATE INDEX ix_lesson_form_key ON lesson_form (media_key);
                """);
        }),
    ];
}
