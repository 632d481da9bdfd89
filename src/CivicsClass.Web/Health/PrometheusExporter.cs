using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using CivicsClass.Data.Diagnostics;

namespace CivicsClass.Web.Health;

/// <summary>
/// Listens to the site's meters and ASP.NET Core's request meter and renders what they measured in
/// Prometheus' text exposition format: counters as running totals, histograms as cumulative buckets
/// with a sum and a count. Kept in memory per node from its start, as Prometheus expects.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] s_bounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly string[] s_requestTags = ["http.request.method", "http.route", "http.response.status_code"];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Series> _series = new();
    private readonly ConcurrentDictionary<string, (string Type, string Help)> _descriptions = new(StringComparer.Ordinal);

    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SiteMetrics.MeterName
                || (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration"))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var group in _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Labels, StringComparer.Ordinal).GroupBy(s => s.Key.Name))
        {
            var (type, help) = _descriptions[group.Key];
            text.Append("# HELP ").Append(group.Key).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(group.Key).Append(' ').Append(type).Append('\n');
            foreach (var (key, series) in group)
            {
                series.Write(text, key.Name, key.Labels);
            }
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var histogram = instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal);
        var name = Name(instrument, histogram);
        _descriptions.TryAdd(name, (histogram ? "histogram" : "counter", instrument.Description ?? instrument.Name));
        var labels = Labels(instrument, tags);
        var series = _series.GetOrAdd((name, labels), _ => histogram ? new Histogram() : new Counter());
        series.Add(value);
    }

    /// <summary>http.server.request.duration (seconds) becomes http_server_request_duration_seconds; counters end in _total.</summary>
    private static string Name(Instrument instrument, bool histogram)
    {
        var name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        return histogram ? name : name + "_total";
    }

    private static string Labels(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            if (instrument.Meter.Name != SiteMetrics.MeterName && !s_requestTags.Contains(key))
            {
                continue; // a request's address and protocol would make a series per client
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            pairs.Add($"{key.Replace('.', '_')}=\"{text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    public void Dispose() => _listener.Dispose();

    private abstract class Series
    {
        public abstract void Add(double value);

        public abstract void Write(StringBuilder text, string name, string labels);

        protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        protected static string With(string labels, string extra) =>
            labels.Length == 0 ? "{" + extra + "}" : "{" + labels + "," + extra + "}";
    }

    private sealed class Counter : Series
    {
        private double _total;
        private readonly Lock _lock = new();

        public override void Add(double value)
        {
            lock (_lock)
            {
                _total += value;
            }
        }

        public override void Write(StringBuilder text, string name, string labels)
        {
            lock (_lock)
            {
                text.Append(name).Append(labels.Length == 0 ? "" : "{" + labels + "}").Append(' ').Append(Number(_total)).Append('\n');
            }
        }
    }

    private sealed class Histogram : Series
    {
        private readonly long[] _buckets = new long[s_bounds.Length];
        private readonly Lock _lock = new();
        private long _count;
        private double _sum;

        public override void Add(double value)
        {
            lock (_lock)
            {
                _count++;
                _sum += value;
                var bucket = Array.FindIndex(s_bounds, bound => value <= bound);
                if (bucket >= 0)
                {
                    _buckets[bucket]++;
                }
            }
        }

        public override void Write(StringBuilder text, string name, string labels)
        {
            lock (_lock)
            {
                long cumulative = 0;
                for (var i = 0; i < s_bounds.Length; i++)
                {
                    cumulative += _buckets[i];
                    text.Append(name).Append("_bucket").Append(With(labels, $"le=\"{Number(s_bounds[i])}\"")).Append(' ').Append(cumulative).Append('\n');
                }

                text.Append(name).Append("_bucket").Append(With(labels, "le=\"+Inf\"")).Append(' ').Append(_count).Append('\n');
                var suffix = labels.Length == 0 ? "" : "{" + labels + "}";
                text.Append(name).Append("_sum").Append(suffix).Append(' ').Append(Number(_sum)).Append('\n');
                text.Append(name).Append("_count").Append(suffix).Append(' ').Append(_count).Append('\n');
            }
        }
    }
}
