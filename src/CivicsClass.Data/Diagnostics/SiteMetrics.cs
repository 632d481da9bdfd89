using System.Diagnostics.Metrics;

namespace CivicsClass.Data.Diagnostics;

/// <summary>
/// The site's own instruments, beside ASP.NET Core's request metrics. Modules record here, on a meter
/// named for the product; the host exports it with the framework's meters at <c>/metrics</c>.
/// </summary>
public static class SiteMetrics
{
    public const string MeterName = "CivicsClass";

    private static readonly Meter s_meter = new(MeterName);

    /// <summary>Points paid, by activity (reversals count negative).</summary>
    public static readonly Counter<long> PointsAwarded = s_meter.CreateCounter<long>("civics.points.awarded", "{point}", "Points paid by the ledger.");

    /// <summary>Buckets from a millisecond to ten seconds: an exporter's defaults are made for milliseconds.</summary>
    public static readonly Histogram<double> SearchDuration = s_meter.CreateHistogram("civics.search.duration", "s", "Time to answer a search.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Time to draw a generated image (cover, portrait, long image), by kind; each is drawn once per change.</summary>
    public static readonly Histogram<double> ImageDrawDuration = s_meter.CreateHistogram("civics.media.draw.duration", "s", "Time to draw a generated image.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    /// <summary>Background work done, by kind and outcome (done, failed).</summary>
    public static readonly Counter<long> JobsProcessed = s_meter.CreateCounter<long>("civics.jobs.processed", "{job}", "Background work items processed.");

    /// <summary>Lookups in the node's caches, by cache and result (hit, miss): their ratio is the hit ratio.</summary>
    public static readonly Counter<long> CacheLookups = s_meter.CreateCounter<long>("civics.cache.lookups", "{lookup}", "Cache lookups.");

    /// <summary>Reads and job claims tried again after a transient database failure.</summary>
    public static readonly Counter<long> DatabaseRetries = s_meter.CreateCounter<long>("civics.database.retries", "{retry}", "Database work tried again after a transient failure.");

    /// <summary>The name of this node's search-index lag gauge, which the search module publishes.</summary>
    public const string SearchIndexLag = "civics.search.index_lag";

    public static void CacheLookup(string cache, bool hit) =>
        CacheLookups.Add(1, new KeyValuePair<string, object?>("cache", cache), new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public static void Job(string kind, bool done, long count = 1) =>
        JobsProcessed.Add(count, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", done ? "done" : "failed"));
}
