using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CivicsClass.Search.Engine;

/// <summary>
/// Passes every hit on to the collector that keeps the best ones and, in the same pass, counts the
/// filter tokens of every hit from doc values, per segment by ordinal.
/// </summary>
internal sealed class FacetCollector(ICollector inner) : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly BytesRef _bytes = new();
    private SortedSetDocValues? _values;
    private int[] _segmentCounts = [];

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void Collect(int doc)
    {
        inner.Collect(doc);
        Total++;
        if (_values is null)
        {
            return;
        }

        _values.SetDocument(doc);
        for (var ord = _values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _values.NextOrd())
        {
            _segmentCounts[ord]++;
        }
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        inner.SetNextReader(context);
        _values = context.AtomicReader.GetSortedSetDocValues(IndexFields.Filter);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
    }

    /// <summary>The counts over all hits; call once collecting is done.</summary>
    public IReadOnlyDictionary<string, int> Counts()
    {
        Flush();
        return _counts;
    }

    private void Flush()
    {
        if (_values is null)
        {
            return;
        }

        for (var ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] > 0)
            {
                _values.LookupOrd(ord, _bytes);
                var key = _bytes.Utf8ToString();
                _counts[key] = _counts.GetValueOrDefault(key) + _segmentCounts[ord];
            }
        }

        _values = null;
        _segmentCounts = [];
    }
}
