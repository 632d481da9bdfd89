using System.Globalization;
using System.Text;
using System.Text.Json;
using CivicsClass.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Benchmarks.Search;

/// <summary>
/// <c>search-eval --corpus C.jsonl --queries Q.tsv --run OUT.txt</c>:
/// indexes a JSONL corpus (<c>{"id","title","body","source"}</c> per line) through the site's
/// analysis and Lucene index, runs a TSV of queries (<c>qid&lt;TAB&gt;query[&lt;TAB&gt;kind]</c>) and writes a
/// TREC run file (<c>qid Q0 docid rank score tag</c>, top 10) for trec_eval and friends.
/// </summary>
internal static class SearchEvaluation
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var corpus = Value("--corpus");
        var queries = Value("--queries");
        var run = Value("--run");
        if (corpus is null || queries is null || run is null)
        {
            Console.Error.WriteLine("usage: search-eval --corpus C.jsonl --queries Q.tsv --run OUT.txt");
            return 2;
        }

        await using var harness = await SearchHarness.CreateAsync("sqlite", null);
        var indexed = await harness.Services.GetRequiredService<CorpusIndexer>().IndexAsync(ReadCorpus(corpus));
        var lines = new StringBuilder();
        var count = 0;
        foreach (var (qid, query) in ReadQueries(queries))
        {
            var result = await harness.SearchAsync(query, size: 10);
            for (var rank = 0; rank < result.Hits.Count; rank++)
            {
                var hit = result.Hits[rank];
                lines.Append(CultureInfo.InvariantCulture, $"{qid} Q0 {hit.Id} {rank + 1} {hit.Score:F4} civicsclass\n");
            }

            count++;
        }

        await File.WriteAllTextAsync(run, lines.ToString());
        Console.WriteLine($"indexed {indexed} documents, ran {count} queries, wrote {run}");
        return 0;
    }

    public static IEnumerable<CorpusDocument> ReadCorpus(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new CorpusDocument(root.GetProperty("id").GetString()!, root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "", root.GetProperty("body").GetString() ?? "");
        });

    public static IEnumerable<(string Qid, string Query)> ReadQueries(string path) =>
        File.ReadLines(path).Select(l => l.Split('\t')).Where(f => f.Length >= 2 && f[0].Length > 0).Select(f => (f[0], f[1]));
}
