using CivicsClass.Search.Engine;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// Indexes plain documents (an evaluation corpus, a benchmark's generated texts) straight into this
/// node's index through the same analysis as site content, analysing on every core. The documents
/// must be new to the index: they are added, not replaced.
/// </summary>
public sealed class CorpusIndexer(SearchIndex index, SearchOptions options)
{
    public const string ContentType = "Document";

    public Task<int> IndexAsync(IEnumerable<CorpusDocument> documents, int batchSize = 1000, IProgress<int>? progress = null) => Task.Run(() =>
    {
        var lucene = index.Index;
        var count = 0;
        foreach (var batch in documents.Chunk(batchSize))
        {
            Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = options.RebuildThreads }, document => lucene.AddNew(DocumentMapper.ToLucene(
                new SearchDocument(document.Id, ContentType, document.Title, "", document.Body, "", null, [], ["type_document"]))));
            count += batch.Length;
            progress?.Report(count);
        }

        lucene.CompleteRebuild(lucene.Cursor);
        return count;
    });
}

public sealed record CorpusDocument(string Id, string Title, string Body);
