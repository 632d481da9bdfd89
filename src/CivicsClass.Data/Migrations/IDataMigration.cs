namespace CivicsClass.Data.Migrations;

/// <summary>
/// A module's schema as numbered steps. Step N runs once, after step N-1, and is recorded in
/// <c>migration_record</c>; adding a step later upgrades existing sites.
/// </summary>
public interface IDataMigration
{
    string Module { get; }

    IReadOnlyList<MigrationStep> Steps { get; }
}

public sealed record MigrationStep(int Number, Func<MigrationContext, Task> ApplyAsync);
