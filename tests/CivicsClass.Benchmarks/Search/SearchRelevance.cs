using CivicsClass.Search.Analysis;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing.Relevance;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Benchmarks.Search;

/// <summary>
/// <c>search-relevance</c>: the judged set (tests/CivicsClass.Search.Tests/Evaluation) scored as
/// nDCG@10, MRR and recall@10 for the site's search and for each analysis tried: our words alone,
/// our recall tokens alone, and Lucene.NET's stock CJKAnalyzer (character bigrams),
/// SmartChineseAnalyzer (HMM words) and StandardAnalyzer (single characters), each indexed and
/// queried the same stock way (title and body, BM25, title ×10, classic query parser).
/// </summary>
internal static class SearchRelevance
{
    public static async Task RunAsync()
    {
        var judged = JudgedSet.Load();
        Console.WriteLine($"search relevance: {judged.Passages.Count} passages, {judged.Queries.Count} judged queries ({string.Join(", ", judged.Queries.GroupBy(q => q.Kind).Select(g => $"{g.Key} {g.Count()}"))})");
        var rows = new List<(string Name, Scores Scores)>();
        await using (var harness = await SearchHarness.CreateAsync("sqlite", null))
        {
            await harness.Services.GetRequiredService<CorpusIndexer>().IndexAsync(judged.Passages.Select(p => new CorpusDocument(p.Id, p.Title, p.Body)));
            var ranked = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var query in judged.Queries)
            {
                ranked[query.Id] = (await harness.SearchAsync(query.Text)).Hits.Select(h => h.Id).ToList();
            }

            rows.Add(("civicsclass: words + recall + pinyin, weighted fields", judged.Score(q => ranked[q.Id])));
            var analysis = harness.Services.GetRequiredService<TextAnalyzer>();
            rows.Add(Stock(judged, new StockEngine("our words only", new CivicsAnalyzer(analysis, _ => AnalysisKind.Words))));
            rows.Add(Stock(judged, new StockEngine("our recall tokens only (inner words, pairs)", new CivicsAnalyzer(analysis, _ => AnalysisKind.Recall))));
        }

        var version = LuceneVersion.LUCENE_48;
        rows.Add(Stock(judged, new StockEngine("stock CJKAnalyzer (bigrams)", new CJKAnalyzer(version))));
        rows.Add(Stock(judged, new StockEngine("stock SmartChineseAnalyzer", new SmartChineseAnalyzer(version))));
        rows.Add(Stock(judged, new StockEngine("stock StandardAnalyzer (characters)", new StandardAnalyzer(version))));

        var kinds = judged.Queries.Select(q => q.Kind).Distinct().Order().ToList();
        Console.WriteLine($"  {"analysis",-52} {"nDCG@10",8} {"MRR",6} {"R@10",6}   nDCG@10 by kind: {string.Join(" ", kinds.Select(k => $"{k,7}"))}");
        foreach (var (name, scores) in rows)
        {
            Console.WriteLine($"  {name,-52} {scores.Ndcg,8:F3} {scores.Mrr,6:F3} {scores.Recall,6:F3}                    {string.Join(" ", kinds.Select(k => $"{scores.NdcgByKind.GetValueOrDefault(k),7:F3}"))}");
        }

        var best = rows.Where(r => r.Name.StartsWith("stock", StringComparison.Ordinal)).MaxBy(r => r.Scores.Ndcg);
        Console.WriteLine($"  civicsclass − best stock ({best.Name}): {rows[0].Scores.Ndcg - best.Scores.Ndcg:+0.000;-0.000} nDCG@10");
    }

    private static (string, Scores) Stock(JudgedSet judged, StockEngine engine)
    {
        using (engine)
        {
            engine.Index(judged.Passages);
            return (engine.Name, judged.Score(q => engine.Search(q.Text)));
        }
    }
}
