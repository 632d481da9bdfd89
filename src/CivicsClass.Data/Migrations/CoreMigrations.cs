namespace CivicsClass.Data.Migrations;

/// <summary>The document table that every module's documents live in, and the claims of the background jobs every module runs.</summary>
internal sealed class CoreMigrations : IDataMigration
{
    public const string ModuleName = "Data";

    public string Module => ModuleName;

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, context => context.ExecuteAsync($"""
            CREATE TABLE document (
                id {context.Dialect.IdentityColumn},
                type {context.Dialect.Text} NOT NULL,
                content {context.Dialect.Text} NOT NULL,
                version {context.Dialect.Int} NOT NULL);
            CREATE INDEX ix_document_type ON document (type);
            """)),
        // A row per background job: who holds it and until when, and how its last run ended (see Jobs/JobClaims).
        new(2, context => context.ExecuteAsync($"""
            CREATE TABLE job_claim (
                name {context.Dialect.Text} NOT NULL PRIMARY KEY,
                node {context.Dialect.Text} NULL,
                lease_until_utc {context.Dialect.Timestamp} NULL,
                started_utc {context.Dialect.Timestamp} NULL,
                finished_utc {context.Dialect.Timestamp} NULL,
                outcome {context.Dialect.Text} NULL,
                note {context.Dialect.Text} NULL);
            """)),
    ];
}
