using CivicsClass.Data.Migrations;

namespace CivicsClass.Content.Migrations;

internal sealed class ContentMigrations : IDataMigration
{
    public string Module => "Content";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, context =>
        {
            var d = context.Dialect;
            return context.ExecuteAsync($"""
                CREATE TABLE content_item_index (
                    document_id {d.BigInt} NOT NULL PRIMARY KEY REFERENCES document (id),
                    content_item_id {d.Text} NOT NULL,
                    content_item_version_id {d.Text} NOT NULL,
                    content_type {d.Text} NOT NULL,
                    display_text {d.Text} NOT NULL,
                    path {d.Text} NULL,
                    alias {d.Text} NULL,
                    status {d.Text} NOT NULL,
                    latest {d.Bool} NOT NULL,
                    published {d.Bool} NOT NULL,
                    owner {d.Text} NULL,
                    author {d.Text} NULL,
                    created_utc {d.Timestamp} NOT NULL,
                    modified_utc {d.Timestamp} NOT NULL,
                    published_utc {d.Timestamp} NULL,
                    number {d.Int} NOT NULL);
                CREATE UNIQUE INDEX ux_content_item_version ON content_item_index (content_item_version_id);
                CREATE UNIQUE INDEX ux_content_item_latest ON content_item_index (content_item_id) WHERE latest = TRUE;
                CREATE UNIQUE INDEX ux_content_item_published ON content_item_index (content_item_id) WHERE published = TRUE;
                CREATE UNIQUE INDEX ux_content_path_published ON content_item_index (path) WHERE published = TRUE;
                CREATE INDEX ix_content_item_id ON content_item_index (content_item_id, number);
                CREATE INDEX ix_content_published_type ON content_item_index (content_type, published, published_utc);
                CREATE INDEX ix_content_latest_type ON content_item_index (content_type, latest, status, modified_utc);
                CREATE INDEX ix_content_path ON content_item_index (path);
                CREATE INDEX ix_content_alias ON content_item_index (alias);
                CREATE INDEX ix_content_owner ON content_item_index (owner);

                CREATE TABLE content_term_index (
                    document_id {d.BigInt} NOT NULL REFERENCES document (id),
                    content_item_id {d.Text} NOT NULL,
                    field {d.Text} NOT NULL,
                    term_id {d.Text} NOT NULL,
                    latest {d.Bool} NOT NULL,
                    published {d.Bool} NOT NULL);
                CREATE INDEX ix_content_term_published ON content_term_index (term_id, published, document_id);
                CREATE INDEX ix_content_term_latest ON content_term_index (term_id, latest, document_id);
                CREATE INDEX ix_content_term_document ON content_term_index (document_id);
                CREATE INDEX ix_content_term_item ON content_term_index (content_item_id, published, field, term_id);

                CREATE TABLE content_reference_index (
                    document_id {d.BigInt} NOT NULL REFERENCES document (id),
                    content_item_id {d.Text} NOT NULL,
                    field {d.Text} NOT NULL,
                    target_id {d.Text} NOT NULL,
                    position {d.Int} NOT NULL,
                    latest {d.Bool} NOT NULL,
                    published {d.Bool} NOT NULL);
                CREATE INDEX ix_content_reference_target ON content_reference_index (target_id, field, published, document_id);
                CREATE INDEX ix_content_reference_container ON content_reference_index (content_item_id, field, published, target_id);
                CREATE INDEX ix_content_reference_document ON content_reference_index (document_id);

                CREATE TABLE content_field_index (
                    document_id {d.BigInt} NOT NULL REFERENCES document (id),
                    content_item_id {d.Text} NOT NULL,
                    content_type {d.Text} NOT NULL,
                    field {d.Text} NOT NULL,
                    text_value {d.Text} NULL,
                    number_value {d.Double} NULL,
                    date_value {d.Timestamp} NULL,
                    latest {d.Bool} NOT NULL,
                    published {d.Bool} NOT NULL);
                CREATE INDEX ix_content_field_text ON content_field_index (content_type, field, text_value, published, document_id);
                CREATE INDEX ix_content_field_number ON content_field_index (content_type, field, number_value, published, document_id);
                CREATE INDEX ix_content_field_date ON content_field_index (content_type, field, date_value, published, document_id);
                CREATE INDEX ix_content_field_document ON content_field_index (document_id);
                """);
        }),
        new(2, context => context.ExecuteAsync($"""
            CREATE TABLE content_metric (
                content_item_id {context.Dialect.Text} NOT NULL,
                metric {context.Dialect.Text} NOT NULL,
                value {context.Dialect.BigInt} NOT NULL,
                PRIMARY KEY (content_item_id, metric));
            """)),
        new(3, TypeBehaviourSettings.ApplyAsync),
    ];
}
