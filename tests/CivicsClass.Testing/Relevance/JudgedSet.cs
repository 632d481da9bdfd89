using System.Text.Json;

namespace CivicsClass.Testing.Relevance;

/// <summary>
/// A judged set made from the source documents (corpus.jsonl, queries.tsv and qrels.txt in
/// tests/CivicsClass.Search.Tests/Evaluation): passages, queries of several kinds, and grades 0–2.
/// </summary>
public sealed class JudgedSet
{
    public static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "CivicsClass.Search.Tests", "Evaluation");

    private JudgedSet(IReadOnlyList<Passage> passages, IReadOnlyList<JudgedQuery> queries)
    {
        Passages = passages;
        Queries = queries;
    }

    public IReadOnlyList<Passage> Passages { get; }

    public IReadOnlyList<JudgedQuery> Queries { get; }

    public static JudgedSet Load()
    {
        var passages = File.ReadLines(Path.Combine(Folder, "corpus.jsonl")).Where(l => l.Trim().Length > 0).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new Passage(root.GetProperty("id").GetString()!, root.GetProperty("title").GetString() ?? "", root.GetProperty("body").GetString() ?? "");
        }).ToList();
        var grades = File.ReadLines(Path.Combine(Folder, "qrels.txt")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 4)
            .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(f => f[2], f => int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)));
        var queries = File.ReadLines(Path.Combine(Folder, "queries.tsv")).Select(l => l.Split('\t')).Where(f => f.Length >= 2 && f[0].Length > 0)
            .Select(f => new JudgedQuery(f[0], f[1], f.Length > 2 ? f[2] : "", grades.GetValueOrDefault(f[0]) ?? new Dictionary<string, int>()))
            .ToList();
        return new JudgedSet(passages, queries);
    }

    /// <summary>Scores the ranked ids a search gave for each query (its top 10 are used).</summary>
    public Scores Score(Func<JudgedQuery, IReadOnlyList<string>> search)
    {
        var perQuery = Queries.Select(q => (q, Metrics(q, search(q).Take(10).ToList()))).ToList();
        return new Scores(
            perQuery.Average(p => p.Item2.Ndcg),
            perQuery.Average(p => p.Item2.ReciprocalRank),
            perQuery.Average(p => p.Item2.Recall),
            perQuery.GroupBy(p => p.q.Kind).ToDictionary(g => g.Key, g => g.Average(p => p.Item2.Ndcg)));
    }

    private static (double Ndcg, double ReciprocalRank, double Recall) Metrics(JudgedQuery query, IReadOnlyList<string> ranked)
    {
        static double Gain(int grade) => Math.Pow(2, grade) - 1;
        var dcg = ranked.Select((id, i) => Gain(query.Grades.GetValueOrDefault(id)) / Math.Log2(i + 2)).Sum();
        var ideal = query.Grades.Values.OrderDescending().Take(10).Select((g, i) => Gain(g) / Math.Log2(i + 2)).Sum();
        var first = ranked.Select((id, i) => (id, i)).FirstOrDefault(x => query.Grades.GetValueOrDefault(x.id) > 0);
        var relevant = query.Grades.Count(g => g.Value > 0);
        return (
            ideal == 0 ? 0 : dcg / ideal,
            first.id is null ? 0 : 1.0 / (first.i + 1),
            relevant == 0 ? 0 : ranked.Count(id => query.Grades.GetValueOrDefault(id) > 0) / (double)Math.Min(10, relevant));
    }
}

public sealed record Passage(string Id, string Title, string Body);

public sealed record JudgedQuery(string Id, string Text, string Kind, IReadOnlyDictionary<string, int> Grades);

/// <summary>Means over the queries: nDCG@10 (gain 2^grade − 1), MRR, recall@10, and nDCG@10 per kind of query.</summary>
public sealed record Scores(double Ndcg, double Mrr, double Recall, IReadOnlyDictionary<string, double> NdcgByKind);
