using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Search.Tests.Evaluation;

/// <summary>
/// A judged set made from the source documents (corpus.jsonl, queries.tsv, qrels.txt beside this
/// file): 165 passages, 30 queries of five kinds. Both backends must rank well enough.
/// </summary>
public abstract class RelevanceTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    private static readonly string s_folder = Path.Combine(RepositoryPaths.Root, "tests", "CivicsClass.Search.Tests", "Evaluation");

    [SkippableFact]
    public async Task JudgedQueries_FindRelevantPassagesNearTheTop()
    {
        await using var site = await TestSite.CreateAsync(new TProvider(), services => services.AddSearch());
        await site.Services.GetRequiredService<CorpusIndexer>().IndexAsync(Corpus());
        var judgements = File.ReadLines(Path.Combine(s_folder, "qrels.txt")).Select(l => l.Split(' '))
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.Where(f => int.Parse(f[3]) > 0).Select(f => f[2]).ToHashSet());

        var reciprocalRanks = new List<double>();
        var recalls = new List<double>();
        foreach (var (qid, query) in Queries())
        {
            await using var scope = site.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query, Size: 10));
            var relevant = judgements[qid];
            var firstRelevant = result.Hits.Select((h, i) => (h, i)).FirstOrDefault(x => relevant.Contains(x.h.Id));
            reciprocalRanks.Add(firstRelevant.h is null ? 0 : 1.0 / (firstRelevant.i + 1));
            recalls.Add(result.Hits.Count(h => relevant.Contains(h.Id)) / (double)Math.Min(10, relevant.Count));
        }

        var mrr = reciprocalRanks.Average();
        var recall = recalls.Average();
        Assert.True(mrr >= 0.8, $"MRR {mrr:F3}");
        Assert.True(recall >= 0.6, $"recall@10 {recall:F3}");
    }

    private static IEnumerable<CorpusDocument> Corpus() =>
        File.ReadLines(Path.Combine(s_folder, "corpus.jsonl")).Select(line =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var root = json.RootElement;
            return new CorpusDocument(root.GetProperty("id").GetString()!, root.GetProperty("title").GetString()!, root.GetProperty("body").GetString()!);
        }).ToList();

    private static IEnumerable<(string Qid, string Query)> Queries() =>
        File.ReadLines(Path.Combine(s_folder, "queries.tsv")).Select(l => l.Split('\t')).Where(f => f.Length >= 2).Select(f => (f[0], f[1]));
}

public sealed class SqliteRelevanceTests : RelevanceTests<Sqlite>;

public sealed class PostgresRelevanceTests : RelevanceTests<Postgres>;
