using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Dapper;

namespace CivicsClass.Data.Documents;

/// <summary>Rewrites a document's index rows; the SQL for each index type is built once.</summary>
internal sealed class IndexWriter(IEnumerable<IIndexProvider> providers)
{
    private readonly ILookup<Type, IIndexProvider> _byDocumentType = providers.ToLookup(p => p.DocumentType);
    private readonly ConcurrentDictionary<(string Table, Type Index), (string Sql, PropertyInfo[] Properties)> _inserts = new();

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, Document document, bool isNew)
    {
        foreach (var provider in _byDocumentType[document.GetType()])
        {
            if (!isNew)
            {
                await connection.ExecuteAsync($"DELETE FROM {provider.Table} WHERE document_id = @Id", new { document.Id }, transaction);
            }

            var (sql, properties) = _inserts.GetOrAdd((provider.Table, provider.IndexType), key => BuildInsert(key.Table, key.Index));
            foreach (var row in provider.Map(document))
            {
                var parameters = new DynamicParameters();
                parameters.Add("document_id", document.Id);
                foreach (var property in properties)
                {
                    parameters.Add(ToSnakeCase(property.Name), Normalise(property.GetValue(row)));
                }

                await connection.ExecuteAsync(sql, parameters, transaction);
            }
        }
    }

    public async Task DeleteAsync(DbConnection connection, DbTransaction transaction, Document document)
    {
        foreach (var provider in _byDocumentType[document.GetType()])
        {
            await connection.ExecuteAsync($"DELETE FROM {provider.Table} WHERE document_id = @Id", new { document.Id }, transaction);
        }
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static (string, PropertyInfo[]) BuildInsert(string table, Type indexType)
    {
        var properties = indexType.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var columns = string.Join(", ", properties.Select(p => ToSnakeCase(p.Name)));
        var values = string.Join(", ", properties.Select(p => "@" + ToSnakeCase(p.Name)));
        return ($"INSERT INTO {table} (document_id, {columns}) VALUES (@document_id, {values})", properties);
    }

    // Times are stored in UTC whatever kind they arrive as, so both dialects sort them alike.
    private static object? Normalise(object? value) => value switch
    {
        DateTime { Kind: DateTimeKind.Unspecified } t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        DateTime t => t.ToUniversalTime(),
        DateTimeOffset t => t.UtcDateTime,
        _ => value,
    };
}
