using System.Data.Common;
using System.Text.Json;
using CivicsClass.Data.Dialects;
using Dapper;

namespace CivicsClass.Data.Documents;

internal sealed class Session(ISqlDialect dialect, IndexWriter indexWriter, Microsoft.Extensions.Logging.ILogger logger) : ISession
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private readonly List<Func<Task>> _afterCommit = [];
    private readonly List<Func<DbConnection, DbTransaction, Task>> _beforeCommit = [];

    public ISqlDialect Dialect => dialect;

    public async Task<T?> GetAsync<T>(long id, CancellationToken cancellationToken = default) where T : Document
    {
        const string sql = "SELECT id, content, version FROM document WHERE id = @id AND type = @type";
        var row = await ReadAsync((connection, transaction) => connection.QuerySingleOrDefaultAsync<DocumentRow>(
            new CommandDefinition(sql, new { id, type = typeof(T).Name }, transaction, cancellationToken: cancellationToken)), cancellationToken);
        return row is null ? null : Materialise<T>(row);
    }

    public async Task SaveAsync(Document document, CancellationToken cancellationToken = default)
    {
        const string insert = "INSERT INTO document (type, content, version) VALUES (@type, @content, 1) RETURNING id";
        const string update = "UPDATE document SET content = @content, version = version + 1 WHERE id = @id AND version = @version";

        var (connection, transaction) = await BeginWriteAsync(cancellationToken);
        var content = JsonSerializer.Serialize(document, document.GetType(), DocumentJson.Options);
        var type = document.GetType().Name;
        var isNew = document.Id == 0;
        if (isNew)
        {
            document.Id = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(insert, new { type, content }, transaction, cancellationToken: cancellationToken));
            document.Version = 1;
        }
        else
        {
            var changed = await connection.ExecuteAsync(
                new CommandDefinition(update, new { id = document.Id, version = document.Version, content }, transaction, cancellationToken: cancellationToken));
            if (changed == 0)
            {
                throw new ConcurrencyException(type, document.Id, document.Version);
            }

            document.Version++;
        }

        await indexWriter.WriteAsync(connection, transaction, document, isNew);
    }

    public async Task DeleteAsync(Document document, CancellationToken cancellationToken = default)
    {
        const string sql = "DELETE FROM document WHERE id = @id AND version = @version";
        var (connection, transaction) = await BeginWriteAsync(cancellationToken);
        await indexWriter.DeleteAsync(connection, transaction, document);
        var deleted = await connection.ExecuteAsync(
            new CommandDefinition(sql, new { id = document.Id, version = document.Version }, transaction, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            throw new ConcurrencyException(document.GetType().Name, document.Id, document.Version);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string indexTable, string where, object? parameters = null,
        string? orderBy = null, int skip = 0, int? take = null, CancellationToken cancellationToken = default) where T : Document
    {
        var sql = $"SELECT d.id, d.content, d.version FROM {indexTable} i JOIN document d ON d.id = i.document_id WHERE {where} ORDER BY {orderBy ?? "d.id"}";
        var arguments = new DynamicParameters(parameters);
        if (take is not null || skip > 0)
        {
            sql += " LIMIT @__take OFFSET @__skip";
            arguments.Add("__take", take ?? int.MaxValue);
            arguments.Add("__skip", skip);
        }

        var rows = await ReadAsync((connection, transaction) =>
            connection.QueryAsync<DocumentRow>(new CommandDefinition(sql, arguments, transaction, cancellationToken: cancellationToken)), cancellationToken);
        return rows.Select(Materialise<T>).ToList();
    }

    public async Task<int> CountAsync(string indexTable, string where, object? parameters = null, CancellationToken cancellationToken = default)
    {
        return await ReadAsync((connection, transaction) => connection.ExecuteScalarAsync<int>(
            new CommandDefinition($"SELECT COUNT(*) FROM {indexTable} i WHERE {where}", parameters, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var (connection, _) = await GetConnectionAsync(cancellationToken);
        _transaction ??= await connection.BeginTransactionAsync(cancellationToken);
        return (connection, _transaction);
    }

    public async Task<(DbConnection Connection, DbTransaction? Transaction)> GetConnectionAsync(CancellationToken cancellationToken = default)
    {
        _connection ??= await dialect.OpenConnectionAsync(cancellationToken);
        return (_connection, _transaction);
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> read, CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            return await read(_connection!, _transaction); // part of a write: the unit of work is repeated as a whole, or not at all
        }

        var first = true;
        return await TransientFailures.RetryAsync(dialect, async () =>
        {
            if (!first && _connection is not null)
            {
                // The connection that failed is dropped; the next attempt opens a fresh one.
                await _connection.DisposeAsync();
                _connection = null;
            }

            first = false;
            var (connection, _) = await GetConnectionAsync(cancellationToken);
            return await read(connection, null);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<T>> GetAllAsync<T>(CancellationToken cancellationToken = default) where T : Document
    {
        const string sql = "SELECT id, content, version FROM document WHERE type = @type ORDER BY id";
        var rows = await ReadAsync((connection, transaction) =>
            connection.QueryAsync<DocumentRow>(new CommandDefinition(sql, new { type = typeof(T).Name }, transaction, cancellationToken: cancellationToken)), cancellationToken);
        return rows.Select(Materialise<T>).ToList();
    }

    public void OnCommitted(Func<Task> action) => _afterCommit.Add(action);

    public void OnCommitting(Func<DbConnection, DbTransaction, Task> action) => _beforeCommit.Add(action);

    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is null)
        {
            return;
        }

        var beforeCommit = _beforeCommit.ToArray();
        _beforeCommit.Clear();
        foreach (var action in beforeCommit)
        {
            await action(_connection!, _transaction);
        }

        await _transaction.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            // The data is committed: a failing follow-up (cache eviction) is logged, and the rest still run.
            try
            {
                await action();
            }
            catch (Exception exception)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, exception, "An action after commit failed");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _afterCommit.Clear();
        _beforeCommit.Clear();
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync(); // rolls back what was not committed
            }
        }
        finally
        {
            _transaction = null;
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
    }

    private static T Materialise<T>(DocumentRow row) where T : Document
    {
        var document = JsonSerializer.Deserialize<T>(row.Content, DocumentJson.Options)
            ?? throw new InvalidOperationException($"Document {row.Id} is empty.");
        document.Id = row.Id;
        document.Version = (int)row.Version;
        return document;
    }

    private sealed class DocumentRow
    {
        public long Id { get; init; }
        public string Content { get; init; } = "";
        public long Version { get; init; }
    }
}
