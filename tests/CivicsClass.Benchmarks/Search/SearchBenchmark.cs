using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CivicsClass.Benchmarks.Content;
using CivicsClass.Search.Analysis;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing.Relevance;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Benchmarks.Search;

/// <summary>
/// Indexes N documents recombined from the corpus's sentences (fixed seed) into the site's Lucene
/// index and runs four kinds of query — two-character words, long terms, phrases, pinyin — through the
/// site's search service (facets and highlighted snippets included), one at a time and from 8 searchers
/// at once. In the same run, the same documents and queries through stock Lucene.NET with
/// <c>CJKAnalyzer</c> (classic query parser, top ten read back) are the reference. Prints documents/s,
/// p50/p99 and peak memory. Searches run with the result cache off, except the last figure of each line.
/// </summary>
internal static partial class SearchBenchmark
{
    internal static readonly (string Kind, string[] Queries)[] QueryKinds =
    [
        ("2-char word", ["劳模", "工会", "职工", "工匠", "技能", "维权", "驿站", "服务"]),
        ("long term", ["产业工人队伍建设改革", "新就业形态劳动者", "中华全国总工会", "全心全意依靠工人阶级"]),
        ("phrase", ["\"共同富裕\"", "\"工会组织\"", "\"劳动模范\"", "\"职工群众\""]),
        ("pinyin", ["laomo", "gonghui", "gongjiang", "zhigong", "lm", "gh"]),
    ];

    /// <summary>
    /// Searches run before each kind is timed, in both engines: a running site's figures, once the JIT
    /// has compiled the hot paths at their final tier, not the first requests after a start.
    /// </summary>
    private const int WarmUp = 200;

    public static async Task RunAsync(BenchmarkOptions options, int documents)
    {
        var sentences = Sentences();
        Console.WriteLine($"search benchmark: {documents:N0} documents recombined from {sentences.Count:N0} corpus sentences, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC (the site runs with workstation GC, concurrent, as this does by default; DOTNET_gcServer=1 runs it with server GC)");
        var ours = new Dictionary<string, Figures>();
        await using (var harness = await SearchHarness.CreateAsync("sqlite", null))
        {
            var settings = harness.Services.GetRequiredService<CivicsClass.Search.SearchOptions>();
            Console.WriteLine($"  index writer: {settings.WriterBufferMB} MB buffer, {settings.RebuildThreads} indexing threads, merges of at most {settings.MaxMergeAtOnce} segments on {settings.MergeThreads} thread(s), merges {(settings.MapMergeReads ? "mapped" : "read with buffered reads")}; {HostSearchBenchmark.Load()}");
            var watch = Stopwatch.StartNew();
            await harness.Services.GetRequiredService<CorpusIndexer>().IndexAsync(Generate(sentences, documents));
            Console.WriteLine($"[civicsclass] indexed {documents:N0} documents in {watch.Elapsed.TotalSeconds:F1} s: {documents / watch.Elapsed.TotalSeconds:F0} documents/s   {Measure.PeakMemory()}");

            foreach (var (kind, queries) in QueryKinds)
            {
                await Measure.RepeatAsync(WarmUp, i => harness.SearchAsync(queries[i % queries.Length]));
                var single = await Measure.RepeatAsync(400, i => harness.SearchAsync(queries[i % queries.Length]));
                var concurrent = await ConcurrentAsync(q => harness.SearchAsync(q), queries, searchers: 8, perSearcher: 100);
                var total = (await harness.SearchAsync(queries[0])).Total;
                harness.UseResultCache(true);
                var cached = await Measure.RepeatAsync(200, i => harness.SearchAsync(queries[i % queries.Length]));
                harness.UseResultCache(false);
                ours[kind] = single;
                Console.WriteLine($"  {kind,-12} 1 searcher {single}   8 searchers {concurrent}   ({queries[0]} → {total:N0} hits)   cached: 1 searcher {cached}   {HostSearchBenchmark.Load()}");
                // The engine alone (query, top ten, facet counts over all hits), without the service's snippets and taxonomy names.
                var parser = harness.Services.GetRequiredService<QueryParser>();
                var index = harness.Services.GetRequiredService<SearchIndex>();
                var engine = await Measure.RepeatAsync(400, i => Task.FromResult(index.Search(parser.Parse(queries[i % queries.Length]), [], 0, 10)));
                Console.WriteLine($"  {"",-12} engine only {engine}");
            }

            Console.WriteLine($"  {Measure.PeakMemory()}");
        }

        // After ours, so that our peak memory is not raised by the reference's in-memory index.
        ReferenceRun(sentences, documents, ours);
        await AnalysisAsync(sentences, Math.Min(documents, 20_000));
    }

    /// <summary>Stock Lucene.NET with CJKAnalyzer on the same documents and queries; pinyin has no stock analyzer to find it.</summary>
    private static void ReferenceRun(IReadOnlyList<string> sentences, int documents, Dictionary<string, Figures> ours)
    {
        using var engine = new StockEngine("CJKAnalyzer", new CJKAnalyzer(LuceneVersion.LUCENE_48));
        var rate = engine.Index(Generate(sentences, documents).Select(d => new Passage(d.Id, d.Title, d.Body)));
        Console.WriteLine($"[reference: stock CJKAnalyzer] indexed {documents:N0} documents: {rate:F0} documents/s   {Measure.PeakMemory()}");
        foreach (var (kind, queries) in QueryKinds)
        {
            Measure.RepeatAsync(WarmUp, i => Task.FromResult(engine.Top(queries[i % queries.Length]))).GetAwaiter().GetResult();
            var single = Measure.RepeatAsync(400, i => Task.FromResult(engine.Top(queries[i % queries.Length]))).GetAwaiter().GetResult();
            var concurrent = ConcurrentAsync(q => Task.FromResult(engine.Top(q)), queries, searchers: 8, perSearcher: 100).GetAwaiter().GetResult();
            var mine = ours[kind];
            Console.WriteLine($"  {kind,-12} 1 searcher {single}   8 searchers {concurrent}   civicsclass p50 {mine.P50 / single.P50:F2}× p99 {mine.P99 / single.P99:F2}× the reference's   {HostSearchBenchmark.Load()}");
        }
    }

    /// <summary>Analysis alone, on one core and on all of them: the ceiling for indexing, whatever the backend.</summary>
    private static async Task AnalysisAsync(IReadOnlyList<string> sentences, int documents)
    {
        await using var harness = await SearchHarness.CreateAsync("sqlite", null);
        var analyzer = harness.Services.GetRequiredService<TextAnalyzer>();
        // Analysis for the five fields a document is indexed with: title and body words, their recall, and pinyin.
        var corpus = Generate(sentences, documents).ToList();
        int Analyse(CorpusDocument document) =>
            analyzer.Analyze(document.Title, withPinyin: true) is var title && analyzer.Analyze(document.Body) is var body
                ? title.Words.Count + title.Recall.Count + body.Words.Count + body.Recall.Count
                : 0;
        foreach (var (label, parallel) in new[] { ("1 core", false), ($"{Environment.ProcessorCount} cores", true) })
        {
            var watch = Stopwatch.StartNew();
            var tokens = parallel ? corpus.AsParallel().Sum(Analyse) : corpus.Sum(Analyse);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"[analysis] {label}: {documents / seconds:F0} documents/s, {tokens / seconds / 1e6:F2} M tokens/s ({tokens / documents:F0} tokens a document)   {Measure.PeakMemory()}");
        }
    }

    private static async Task<Figures> ConcurrentAsync<T>(Func<string, Task<T>> search, string[] queries, int searchers, int perSearcher)
    {
        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, searchers).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < perSearcher; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await search(queries[(s + i) % queries.Length]);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var sorted = latencies.Order().ToArray();
        return new Figures(sorted.Length / watch.Elapsed.TotalSeconds, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)]);
    }

    internal static IEnumerable<CorpusDocument> Generate(IReadOnlyList<string> sentences, int count)
    {
        var random = new Random(20251009);
        for (var i = 0; i < count; i++)
        {
            var title = sentences[random.Next(sentences.Count)];
            title = title[..Math.Min(title.Length, 8 + random.Next(16))];
            var body = string.Concat(Enumerable.Range(0, 6 + random.Next(9)).Select(_ => sentences[random.Next(sentences.Count)]));
            yield return new CorpusDocument($"g{i:D6}", title, body);
        }
    }

    internal static List<string> Sentences()
    {
        var corpus = Path.Combine(ContentBenchmark.FindRoot(), "..", "shared", "corpus");
        if (!Directory.Exists(corpus))
        {
            throw new DirectoryNotFoundException($"The source corpus is not at {corpus}.");
        }

        var text = string.Concat(Directory.GetFiles(corpus, "*.txt").Order().Select(f => string.Concat(File.ReadAllLines(f).Select(l => l.Trim()))));
        text = SpaceBetweenChinese().Replace(text, "");
        return SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length >= 6).Select(s => s + "。").ToList();
    }

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")]
    private static partial Regex SpaceBetweenChinese();

    [GeneratedRegex("[。！？；]")]
    private static partial Regex SentenceEnd();
}
