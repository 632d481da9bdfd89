using CivicsClass.Benchmarks.Content;
using CivicsClass.Benchmarks.Contests;
using CivicsClass.Benchmarks.Farm;
using CivicsClass.Benchmarks.Forms;
using CivicsClass.Benchmarks.Generated;
using CivicsClass.Benchmarks.Imaging;
using CivicsClass.Benchmarks.Media;
using CivicsClass.Benchmarks.Narration;
using CivicsClass.Benchmarks.Points;
using CivicsClass.Benchmarks.Search;
using CivicsClass.Benchmarks.Site;

namespace CivicsClass.Benchmarks;

/// <summary>Speed figures, each beside a ceiling measured in the same run: this machine is shared and noisy.</summary>
internal static class BenchmarkMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        switch (options.Command)
        {
            case "content":
                await ContentBenchmark.RunAsync(options);
                return 0;
            case "site":
                await SiteBenchmark.RunAsync(options);
                return 0;
            case "search":
                await SearchBenchmark.RunAsync(options, options.Items == 10_000 ? 100_000 : options.Items);
                return 0;
            case "search-host":
                return await HostSearchBenchmark.RunAsync(options, args);
            case "points":
                return await PointsBenchmark.RunAsync(options);
            case "contests":
                return await ContestBenchmark.RunAsync(options);
            case "farm":
                return await FarmBenchmark.RunAsync(options);
            case "media":
                return await MediaBenchmark.RunAsync(options);
            case "generated-images":
                return await GeneratedImagesBenchmark.RunAsync(options);
            case "forms":
                return await FormsBenchmark.RunAsync(options);
            case "narration":
                return await NarrationBenchmark.RunAsync(options);
            case "media-compare":
                return await ImagingComparison.RunAsync(options, args);
            case "search-relevance":
                await SearchRelevance.RunAsync();
                return 0;
            case "search-eval":
                return await SearchEvaluation.RunAsync(args);
            default:
                Console.Error.WriteLine("usage: content [--items N] [--queries N] [--postgres CONNECTION_STRING] [--sqlite-only]");
                Console.Error.WriteLine("       site [--seconds N] [--connections N]");
                Console.Error.WriteLine("       search [--items N (documents, default 100000)]");
                Console.Error.WriteLine("       search-host [--items N (lessons, default 100000)] [--seconds N (per figure)] [--gc site,server,workstation,server-conserve,server-nodatas (default server,workstation,server-conserve)] [--rebuild-each] [--data DIR (keep the site there; a later run reuses it)]");
                Console.Error.WriteLine("                   [--rebuild before,chunk-50,buffer-8,buffer-16,one-thread,small-merges,merges-read,gc-conserve,gc-limit-192,defaults,defaults-gc-conserve,defaults-no-wx,defaults-gc-limit-160 (the rebuild's peak memory and documents/s under each, instead of serving)]");
                Console.Error.WriteLine("       points [--part ledger|board] [--seconds N] [--users N (default 1000000)] [--entries N (default 20000000)] [--postgres CONNECTION_STRING] [--sqlite-only]");
                Console.Error.WriteLine("       contests [--part http (over HTTP against the site on Kestrel)] [--users N (participants, default 2000)] [--connections N (in flight, default 32)] [--items N (organisations, default 10000)] [--postgres CONNECTION_STRING] [--sqlite-only]");
                Console.Error.WriteLine("       farm [--seconds N] [--connections N] [--postgres CONNECTION_STRING]");
                Console.Error.WriteLine("       media [--seconds N (per figure, default 8)] [--connections N]");
                Console.Error.WriteLine("       generated-images [--seconds N (per figure, default 8)] (covers, portraits and long images of the seeded lessons: time, size, peak memory)");
                Console.Error.WriteLine("       media-compare [--seconds N (per figure, default 8)] (NetVips beside ImageSharp: thumbnails/s, peak memory, crafted files)");
                Console.Error.WriteLine("       forms [--part latency] (publish → mind map ready for a 1 000-character lesson; every form of the 30 seeded lessons per minute, peak memory)");
                Console.Error.WriteLine("       narration (publish → narration ready for a 1 000-character lesson; bytes per minute of speech)");
                Console.Error.WriteLine("       search-relevance (the judged set: nDCG@10, MRR, recall@10 per analysis)");
                Console.Error.WriteLine("       search-eval --corpus C.jsonl --queries Q.tsv --run OUT.txt");
                return 2;
        }
    }
}
