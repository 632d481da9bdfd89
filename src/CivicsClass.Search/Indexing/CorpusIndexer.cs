using CivicsClass.Data.Documents;
using CivicsClass.Search.Analysis;
using CivicsClass.Search.Backends;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// Indexes plain documents (an evaluation corpus, a benchmark's generated texts) through the same
/// analysis and backend as site content, a transaction per batch.
/// </summary>
public sealed class CorpusIndexer(IDocumentStore store, ISearchIndex index, Analyzer analyzer)
{
    public const string ContentType = "Document";

    public async Task<int> IndexAsync(IEnumerable<CorpusDocument> documents, int batchSize = 500, IProgress<int>? progress = null)
    {
        var count = 0;
        foreach (var batch in documents.Chunk(batchSize))
        {
            // Analysis is pure CPU work on immutable tables: spread it over the cores, then write in order.
            var analysed = batch.AsParallel().AsOrdered().Select(document =>
            {
                var title = analyzer.Analyze(document.Title, withPinyin: true);
                var body = analyzer.Analyze(document.Body);
                return (document, tokens: new IndexedTokens(title.WordText, title.RecallText, body.WordText, body.RecallText));
            }).ToList();

            await using var session = store.CreateSession();
            foreach (var (document, tokens) in analysed)
            {
                await index.UpsertAsync(session,
                    new SearchDocument(document.Id, ContentType, document.Title, "", document.Body, "", null, [], ["type_document"]), tokens);
            }

            await session.SaveChangesAsync();
            count += batch.Length;
            progress?.Report(count);
        }

        return count;
    }
}

public sealed record CorpusDocument(string Id, string Title, string Body);
