namespace CivicsClass.Data;

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Defaults to <c>App_Data/civicsclass.db</c> for SQLite.</summary>
    public string? ConnectionString { get; set; }
}
