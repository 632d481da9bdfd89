namespace CivicsClass.Data.Migrations;

/// <summary>The document table that every module's documents live in.</summary>
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
    ];
}
