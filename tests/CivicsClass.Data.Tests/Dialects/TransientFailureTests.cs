using CivicsClass.Data.Dialects;
using CivicsClass.Data.Tests.Documents;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace CivicsClass.Data.Tests.Dialects;

public sealed class TransientFailureTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"), true },
        { new NpgsqlException("Exception while reading from stream", new IOException("connection reset")), true },
        { new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)), true },
        { new SqliteException("database is locked", 5), true },
        { new PostgresException("syntax error at or near \"SELEC\"", "ERROR", "ERROR", "42601"), false },
        { new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"), false },
        { new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), false },
        { new SqliteException("UNIQUE constraint failed", 19), false },
        { new InvalidOperationException("a mistake in our own code"), false },
        { new IOException("No space left on device"), false }, // a full disk is no database outage
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_TellsALostConnectionFromAMistake(Exception exception, bool transient) =>
        Assert.Equal(transient, TransientFailures.IsTransient(exception));

    [Fact]
    public async Task Retry_TransientFailures_AreRepeatedUntilTheWorkSucceeds()
    {
        var dialect = new CountingDialect();
        var calls = 0;
        var result = await TransientFailures.RetryAsync(dialect, () =>
            ++calls < 3 ? throw new NpgsqlException("lost", new IOException()) : Task.FromResult("读到了"));

        Assert.Equal("读到了", result);
        Assert.Equal(3, calls);
        Assert.Equal(2, dialect.Dropped); // the pool's dead connections are dropped before each repeat
    }

    [Fact]
    public async Task Retry_AMistake_FailsAtOnce()
    {
        var calls = 0;
        await Assert.ThrowsAsync<SqliteException>(() => TransientFailures.RetryAsync<int>(new CountingDialect(), () =>
        {
            calls++;
            throw new SqliteException("no such table: lesson", 1);
        }));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Retry_ADatabaseThatStaysDown_GivesUpAfterFourAttempts()
    {
        var calls = 0;
        await Assert.ThrowsAsync<NpgsqlException>(() => TransientFailures.RetryAsync<int>(new CountingDialect(), () =>
        {
            calls++;
            throw new NpgsqlException("refused", new System.Net.Sockets.SocketException(111));
        }));
        Assert.Equal(4, calls);
    }

    /// <summary>The server ends every connection, as a restart does: a read outside a write is repeated on a fresh one.</summary>
    [SkippableFact]
    public async Task Read_AfterTheServerDroppedEveryConnection_IsRepeatedOnAFreshOne()
    {
        await using var site = await NotesSite.CreateAsync(new Postgres());
        long id;
        await using (var writer = site.CreateSession())
        {
            var note = new Note { Title = "工匠精神", WrittenUtc = DateTime.UtcNow };
            await writer.SaveAsync(note);
            await writer.SaveChangesAsync();
            id = note.Id;
        }

        await using var reader = site.CreateSession();
        Assert.NotNull(await reader.GetAsync<Note>(id)); // the session holds a live connection now
        await TerminateOtherConnectionsAsync(site.Database);

        var again = await reader.GetAsync<Note>(id);
        Assert.Equal("工匠精神", again?.Title);
        await using var fresh = site.CreateSession(); // a new session's pooled connection was dropped too
        Assert.Equal(1, await fresh.CountAsync("note_index", "TRUE"));
    }

    /// <summary>Inside a write the failure is not hidden: repeating one statement of a transaction that is gone would lose the rest.</summary>
    [SkippableFact]
    public async Task ReadInsideAWrite_AfterTheConnectionWasDropped_FailsAndNothingIsSaved()
    {
        await using var site = await NotesSite.CreateAsync(new Postgres());
        await using (var writer = site.CreateSession())
        {
            await writer.SaveAsync(new Note { Title = "未提交", WrittenUtc = DateTime.UtcNow });
            await TerminateOtherConnectionsAsync(site.Database);

            var failure = await Record.ExceptionAsync(() => writer.CountAsync("note_index", "TRUE"));
            Assert.True(failure is not null && TransientFailures.IsTransient(failure), $"expected a transient failure, got {failure}");
        }

        await using var reader = site.CreateSession();
        Assert.Equal(0, await reader.CountAsync("note_index", "TRUE"));
    }

    private static async Task TerminateOtherConnectionsAsync(TestDatabase database)
    {
        await using var admin = new NpgsqlConnection(database.Options.ConnectionString + ";Pooling=false");
        await admin.OpenAsync();
        var ended = await admin.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t");
        Assert.True(ended > 0);
    }

    private sealed class CountingDialect : ISqlDialect
    {
        public int Dropped { get; private set; }
        public void DropIdleConnections() => Dropped++;

        public string Name => "counting";
        public string IdentityColumn => "";
        public string BigInt => "";
        public string Int => "";
        public string Text => "";
        public string Bool => "";
        public string Double => "";
        public string Timestamp => "";
        public string SkipLocked => "";
        public string ForUpdate => "";
        public string BinaryText(string column) => column;
        public string InList(string column, string parameter) => column;
        public Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task LockForMigrationAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) => Task.CompletedTask;
        public Task TidyAfterBulkWriteAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
        public Task<bool> TableExistsAsync(System.Data.Common.DbConnection connection, string table) => Task.FromResult(true);
        public bool IsUniqueViolation(System.Data.Common.DbException exception) => false;
    }
}
