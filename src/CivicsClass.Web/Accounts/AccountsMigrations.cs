using CivicsClass.Data.Migrations;

namespace CivicsClass.Web.Accounts;

internal sealed class AccountsMigrations : IDataMigration
{
    public string Module => "Accounts";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, context => context.ExecuteAsync($"""
            CREATE TABLE user_index (
                document_id {context.Dialect.BigInt} NOT NULL PRIMARY KEY REFERENCES document (id),
                normalized_user_name {context.Dialect.Text} NOT NULL,
                normalized_email {context.Dialect.Text} NULL,
                phone_number {context.Dialect.Text} NULL,
                display_name {context.Dialect.Text} NOT NULL,
                created_utc {context.Dialect.Timestamp} NOT NULL);
            CREATE UNIQUE INDEX ux_user_name ON user_index (normalized_user_name);
            CREATE UNIQUE INDEX ux_user_email ON user_index (normalized_email);
            CREATE UNIQUE INDEX ux_user_phone ON user_index (phone_number);
            CREATE TABLE user_role_index (
                document_id {context.Dialect.BigInt} NOT NULL REFERENCES document (id),
                role {context.Dialect.Text} NOT NULL,
                PRIMARY KEY (role, document_id));
            """)),
        new(2, context => context.ExecuteAsync($"""
            CREATE TABLE data_protection_key (
                id {context.Dialect.IdentityColumn},
                friendly_name {context.Dialect.Text} NOT NULL,
                xml {context.Dialect.Text} NOT NULL);
            """)),
    ];
}
