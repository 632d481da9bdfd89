using CivicsClass.Data.Migrations;

namespace CivicsClass.Accounts.Migrations;

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
        // Sign-in state every node of a farm must share: failed attempts, sessions a sign-out ends,
        // and refresh tokens, each usable once. Times are Unix milliseconds.
        new(3, context => context.ExecuteAsync($"""
            CREATE TABLE sign_in_throttle (
                throttle_key {context.Dialect.Text} NOT NULL PRIMARY KEY,
                failures {context.Dialect.Int} NOT NULL,
                last_failure_ms {context.Dialect.BigInt} NOT NULL);
            CREATE INDEX ix_sign_in_throttle_last ON sign_in_throttle (last_failure_ms);
            CREATE TABLE sign_in_session (
                id {context.Dialect.Text} NOT NULL PRIMARY KEY,
                user_id {context.Dialect.Text} NOT NULL,
                started_ms {context.Dialect.BigInt} NOT NULL,
                ended_ms {context.Dialect.BigInt} NULL);
            CREATE INDEX ix_sign_in_session_user ON sign_in_session (user_id);
            CREATE TABLE refresh_token (
                id {context.Dialect.Text} NOT NULL PRIMARY KEY,
                user_id {context.Dialect.Text} NOT NULL,
                family_id {context.Dialect.Text} NOT NULL,
                expires_ms {context.Dialect.BigInt} NOT NULL,
                used_ms {context.Dialect.BigInt} NULL);
            CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);
            CREATE INDEX ix_refresh_token_user ON refresh_token (user_id);
            """)),
    ];
}
