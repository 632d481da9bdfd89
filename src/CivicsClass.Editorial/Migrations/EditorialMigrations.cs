using CivicsClass.Data.Migrations;

namespace CivicsClass.Editorial.Migrations;

/// <summary>The audit trail, notifications and the publishing schedule.</summary>
internal sealed class EditorialMigrations : IDataMigration
{
    // The name sites have recorded their steps under since these pages were the admin's own.
    public string Module => "Admin";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, context => context.ExecuteAsync($"""
            CREATE TABLE audit_entry (
                id {context.Dialect.IdentityColumn},
                content_item_id {context.Dialect.Text} NOT NULL,
                content_item_version_id {context.Dialect.Text} NULL,
                action {context.Dialect.Text} NOT NULL,
                user_id {context.Dialect.Text} NULL,
                user_name {context.Dialect.Text} NULL,
                comment {context.Dialect.Text} NULL,
                created_utc {context.Dialect.Timestamp} NOT NULL);
            CREATE INDEX ix_audit_item ON audit_entry (content_item_id, id);
            CREATE TABLE notification (
                id {context.Dialect.IdentityColumn},
                user_id {context.Dialect.Text} NOT NULL,
                message {context.Dialect.Text} NOT NULL,
                link {context.Dialect.Text} NULL,
                created_utc {context.Dialect.Timestamp} NOT NULL,
                read_utc {context.Dialect.Timestamp} NULL);
            CREATE INDEX ix_notification_user ON notification (user_id, id);
            CREATE TABLE publish_schedule (
                content_item_version_id {context.Dialect.Text} NOT NULL PRIMARY KEY,
                content_item_id {context.Dialect.Text} NOT NULL,
                due_utc {context.Dialect.Timestamp} NOT NULL,
                user_id {context.Dialect.Text} NULL);
            CREATE INDEX ix_publish_schedule_due ON publish_schedule (due_utc);
            """)),
    ];
}
