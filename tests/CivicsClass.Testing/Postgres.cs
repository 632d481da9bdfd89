using CivicsClass.Data;
using Dapper;
using Npgsql;
using Xunit;

namespace CivicsClass.Testing;

/// <summary>
/// A fresh database per test on the server named by <c>CIVICS_TEST_POSTGRES</c> (./test.sh starts one).
/// Without it the test is skipped, unless <c>CIVICS_REQUIRE_POSTGRES=1</c>, which turns a missing
/// server into a failure so that CI never passes by skipping.
/// </summary>
public sealed class Postgres : IDatabaseProvider
{
    public const string ServerVariable = "CIVICS_TEST_POSTGRES";
    public const string RequireVariable = "CIVICS_REQUIRE_POSTGRES";

    public string Name => "postgres";

    public static string? ServerConnectionString
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(ServerVariable);
            if (string.IsNullOrEmpty(server) && Environment.GetEnvironmentVariable(RequireVariable) == "1")
            {
                throw new InvalidOperationException($"{ServerVariable} is not set but {RequireVariable}=1: PostgreSQL tests must run.");
            }

            return string.IsNullOrEmpty(server) ? null : server;
        }
    }

    public async Task<TestDatabase> CreateAsync()
    {
        var server = ServerConnectionString;
        Skip.If(server is null, $"No PostgreSQL server: set {ServerVariable} (./test.sh does).");
        var name = "civics_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }

        var options = new DatabaseOptions
        {
            Provider = "Postgres",
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
        return new TestDatabase(options, TempDirectory.Create(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }
}
