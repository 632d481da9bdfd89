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
        using var batches = documents.Chunk(batchSize).GetEnumerator();
        var next = AnalyseNext(batches);
        while (next is not null)
        {
            // The database takes one writer: analyse the next batch on the other cores while this one is written.
            var analysed = await next;
            next = AnalyseNext(batches);
            await using var session = store.CreateSession();
            await index.UpsertAsync(session, analysed);
            await session.SaveChangesAsync();
            count += analysed.Count;
            progress?.Report(count);
        }

        return count;
    }

    private Task<List<(SearchDocument, IndexedTokens)>>? AnalyseNext(IEnumerator<CorpusDocument[]> batches)
    {
        if (!batches.MoveNext())
        {
            return null;
        }

        var batch = batches.Current;
        // Analysis is pure CPU work on immutable tables: spread it over the cores, keep the order.
        return Task.Run(() => batch.AsParallel().AsOrdered().Select(document =>
        {
            var title = analyzer.Analyze(document.Title, withPinyin: true);
            var body = analyzer.Analyze(document.Body);
            return (new SearchDocument(document.Id, ContentType, document.Title, "", document.Body, "", null, [], ["type_document"]),
                new IndexedTokens(title.WordText, title.RecallText, body.WordText, body.RecallText));
        }).ToList());
    }
}

public sealed record CorpusDocument(string Id, string Title, string Body);
