using CivicsClass.Data.Dialects;
using CivicsClass.Testing;
using Dapper;
using Xunit;

namespace CivicsClass.Data.Tests.Dialects;

public sealed class SqliteDialectTests
{
    [Fact]
    public async Task OpenConnection_RunsTheBundledSqlite_NotAnOlderOneOfTheMachine()
    {
        await using var database = await new Sqlite().CreateAsync();
        var dialect = new SqliteDialect(database.Options.ConnectionString!);

        await using var connection = await dialect.OpenConnectionAsync();
        var version = Version.Parse(await connection.ExecuteScalarAsync<string>("SELECT sqlite_version()") ?? "0.0");

        // SQLitePCLRaw.bundle_e_sqlite3 3.0.5 carries SQLite 3.53.4; the machine's own library is older (Debian 12's is 3.40).
        Assert.True(version >= new Version(3, 53), $"SQLite {version}");
    }
}
