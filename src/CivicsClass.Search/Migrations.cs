using CivicsClass.Data.Migrations;

namespace CivicsClass.Search;

internal sealed class SearchMigrations : IDataMigration
{
    public string Module => "Search";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, async context =>
        {
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE search_document (
                    id {d.IdentityColumn},
                    content_item_id {d.Text} NOT NULL UNIQUE,
                    content_type {d.Text} NOT NULL,
                    title {d.Text} NOT NULL,
                    summary {d.Text} NOT NULL,
                    body {d.Text} NOT NULL,
                    url {d.Text} NOT NULL,
                    published_utc {d.Timestamp} NULL);
                CREATE TABLE search_queue (
                    id {d.IdentityColumn},
                    content_item_id {d.Text} NOT NULL,
                    enqueued_utc {d.Timestamp} NOT NULL);
                CREATE TABLE search_miss (
                    query {d.Text} NOT NULL PRIMARY KEY,
                    times {d.Int} NOT NULL,
                    last_utc {d.Timestamp} NOT NULL);
                """);
            if (d.Name == "sqlite")
            {
                // The tokens are analysed by us and joined by spaces; unicode61 only splits on them.
                // Only tokens live in the FTS table: reading stored columns back out of FTS5 costs several
                // times a join by rowid to search_document, so counts and facets join.
                await context.ExecuteAsync("""
                    CREATE VIRTUAL TABLE search_fts USING fts5(
                        title, title_recall, body, body_recall, filters,
                        tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4');
                    INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.5, 0.0)');
                    """);
            }
            else
            {
                await context.ExecuteAsync("""
                    ALTER TABLE search_document ADD COLUMN tokens tsvector NOT NULL DEFAULT ''::tsvector;
                    ALTER TABLE search_document ADD COLUMN filters text[] NOT NULL DEFAULT '{}';
                    CREATE INDEX ix_search_tokens ON search_document USING GIN (tokens);
                    CREATE INDEX ix_search_filters ON search_document USING GIN (filters);
                    """);
            }
        }),
        new(2, async context =>
        {
            // Facets are counted from the filter tokens a document was indexed with, the same tokens a
            // facet's filter matches, so a facet's count is what choosing it finds. On SQLite they live in a
            // narrow table beside FTS5 (a join per hit reads a few bytes, not a whole document row);
            // PostgreSQL keeps them in the document's filters array. The version tells every node's result
            // cache that the index changed: it is bumped in the transaction that changes the index.
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE search_index_version (id {d.Int} NOT NULL PRIMARY KEY, version {d.BigInt} NOT NULL);
                INSERT INTO search_index_version (id, version) VALUES (1, 0);
                """);
            if (d.Name == "sqlite")
            {
                await context.ExecuteAsync("""
                    CREATE TABLE search_facet (
                        document_id INTEGER NOT NULL,
                        facet TEXT NOT NULL,
                        PRIMARY KEY (document_id, facet)) WITHOUT ROWID;
                    WITH RECURSIVE split (id, rest, facet) AS (
                        SELECT rowid, filters || ' ', '' FROM search_fts
                        UNION ALL
                        SELECT id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> '')
                    INSERT OR IGNORE INTO search_facet (document_id, facet) SELECT id, facet FROM split WHERE facet <> '';
                    """);

                // Prefix indexes doubled the cost of every insert and served only suggestions, which rank
                // all their candidates anyway: measured without them, suggestions take as long and find the same.
                await context.ExecuteAsync("""
                    ALTER TABLE search_fts RENAME TO search_fts_old;
                    CREATE VIRTUAL TABLE search_fts USING fts5(
                        title, title_recall, body, body_recall, filters,
                        tokenize = 'unicode61 remove_diacritics 0');
                    INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0.5, 0.0)');
                    INSERT INTO search_fts (rowid, title, title_recall, body, body_recall, filters)
                        SELECT rowid, title, title_recall, body, body_recall, filters FROM search_fts_old;
                    DROP TABLE search_fts_old;
                    """);
            }
        }),
        new(3, context => context.ExecuteAsync($"""
            ALTER TABLE search_queue ADD COLUMN attempts {context.Dialect.Int} NOT NULL DEFAULT 0;
            ALTER TABLE search_queue ADD COLUMN last_error {context.Dialect.Text} NULL;
            ALTER TABLE search_queue ADD COLUMN next_attempt_utc {context.Dialect.Timestamp} NULL;
            """)),
        new(4, async context =>
        {
            // Search moved to a Lucene index on every node, fed by a log numbered in commit order (see
            // IndexLog). The database engines' full-text tables and the shared queue go; each node
            // rebuilds its index from the published content the first time it starts without one.
            var d = context.Dialect;
            await context.ExecuteAsync(d.Name == "sqlite"
                ? "DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_facet;"
                : "DROP INDEX IF EXISTS ix_search_tokens; DROP INDEX IF EXISTS ix_search_filters;");
            await context.ExecuteAsync($"""
                DROP TABLE IF EXISTS search_document;
                DROP TABLE IF EXISTS search_index_version;
                DROP TABLE IF EXISTS search_queue;
                CREATE TABLE search_index_head (id {d.Int} NOT NULL PRIMARY KEY, seq {d.BigInt} NOT NULL, trimmed_through {d.BigInt} NOT NULL);
                INSERT INTO search_index_head (id, seq, trimmed_through) VALUES (1, 0, 0);
                CREATE TABLE search_index_log (
                    seq {d.BigInt} NOT NULL PRIMARY KEY,
                    content_item_id {d.Text} NOT NULL,
                    operation {d.Text} NOT NULL,
                    created_utc {d.Timestamp} NOT NULL);
                CREATE TABLE search_index_failure (
                    id {d.IdentityColumn},
                    content_item_id {d.Text} NOT NULL UNIQUE,
                    attempts {d.Int} NOT NULL,
                    last_error {d.Text} NOT NULL,
                    failed_utc {d.Timestamp} NOT NULL);
                """);
        }),
        new(5, context => context.ExecuteAsync($"""
            CREATE TABLE search_day (
                day {context.Dialect.Int} NOT NULL,
                query {context.Dialect.Text} NOT NULL,
                searches {context.Dialect.Int} NOT NULL,
                misses {context.Dialect.Int} NOT NULL,
                PRIMARY KEY (day, query));
            """)),
    ];
}
