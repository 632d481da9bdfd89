using System.Data.Common;
using CivicsClass.Search.Indexing;

namespace CivicsClass.Search.Backends;

/// <summary>
/// Writes a batch of documents with commands prepared once and run for each document: preparing a
/// statement costs about as much as running it, and a batch is hundreds of documents. A new
/// document is inserted; one already there keeps its id and has its tokens and facets replaced.
/// </summary>
internal sealed class SqliteIndexWriter : IAsyncDisposable
{
    private readonly DbCommand _find;
    private readonly DbCommand _insert;
    private readonly DbCommand _update;
    private readonly DbCommand _clearTokens;
    private readonly DbCommand _clearFacets;
    private readonly DbCommand _tokens;
    private readonly DbCommand _facet;

    public SqliteIndexWriter(DbConnection connection, DbTransaction transaction)
    {
        DbCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            command.Prepare();
            return command;
        }

        string[] row = ["@content_item_id", "@content_type", "@title", "@summary", "@body", "@url", "@published_utc"];
        _find = Prepare("SELECT id FROM search_document WHERE content_item_id = @content_item_id", "@content_item_id");
        _insert = Prepare("""
            INSERT INTO search_document (content_item_id, content_type, title, summary, body, url, published_utc)
            VALUES (@content_item_id, @content_type, @title, @summary, @body, @url, @published_utc) RETURNING id
            """, row);
        _update = Prepare("""
            UPDATE search_document SET content_type = @content_type, title = @title, summary = @summary, body = @body, url = @url,
                published_utc = @published_utc WHERE id = @id AND content_item_id = @content_item_id
            """, [.. row, "@id"]);
        _clearTokens = Prepare("DELETE FROM search_fts WHERE rowid = @id", "@id");
        _clearFacets = Prepare("DELETE FROM search_facet WHERE document_id = @id", "@id");
        _tokens = Prepare("""
            INSERT INTO search_fts (rowid, title, title_recall, body, body_recall, filters)
            VALUES (@id, @title_words, @title_recall, @body_words, @body_recall, @filters)
            """, "@id", "@title_words", "@title_recall", "@body_words", "@body_recall", "@filters");
        _facet = Prepare("INSERT OR IGNORE INTO search_facet (document_id, facet) VALUES (@id, @facet)", "@id", "@facet");
    }

    public async Task UpsertAsync(SearchDocument document, IndexedTokens tokens)
    {
        Set(_find, "@content_item_id", document.ContentItemId);
        var existing = await _find.ExecuteScalarAsync();
        long id;
        if (existing is long found)
        {
            id = found;
            SetRow(_update, document);
            Set(_update, "@id", id);
            await _update.ExecuteNonQueryAsync();
            Set(_clearTokens, "@id", id);
            await _clearTokens.ExecuteNonQueryAsync();
            Set(_clearFacets, "@id", id);
            await _clearFacets.ExecuteNonQueryAsync();
        }
        else
        {
            SetRow(_insert, document);
            id = (long)(await _insert.ExecuteScalarAsync())!;
        }

        Set(_tokens, "@id", id);
        Set(_tokens, "@title_words", tokens.TitleWords);
        Set(_tokens, "@title_recall", tokens.TitleRecall);
        Set(_tokens, "@body_words", tokens.BodyWords);
        Set(_tokens, "@body_recall", tokens.BodyRecall);
        Set(_tokens, "@filters", string.Join(' ', document.Filters));
        await _tokens.ExecuteNonQueryAsync();
        Set(_facet, "@id", id);
        foreach (var filter in document.Filters)
        {
            Set(_facet, "@facet", filter);
            await _facet.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _find, _insert, _update, _clearTokens, _clearFacets, _tokens, _facet })
        {
            await command.DisposeAsync();
        }
    }

    private static void SetRow(DbCommand command, SearchDocument document)
    {
        Set(command, "@content_item_id", document.ContentItemId);
        Set(command, "@content_type", document.ContentType);
        Set(command, "@title", document.Title);
        Set(command, "@summary", document.Summary);
        Set(command, "@body", document.Body);
        Set(command, "@url", document.Url);
        Set(command, "@published_utc", document.PublishedUtc);
    }

    private static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;
}
