namespace CivicsClass.Search.Analysis;

/// <summary>
/// jieba's word frequencies (Data/words.tsv.gz): which character runs are words and how likely each
/// is. Looked up by span, so segmenting allocates no substrings.
/// </summary>
public sealed class WordDictionary
{
    public const int MaxWordLength = 12;

    private readonly Dictionary<string, double> _logProbabilities;
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordDictionary()
    {
        var frequencies = DataFiles.ReadTsv("words.tsv.gz")
            .Where(f => f.Length >= 2 && f[0].Length <= MaxWordLength)
            .Select(f => (Word: f[0], Frequency: double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var logTotal = Math.Log(frequencies.Sum(f => f.Frequency));
        _logProbabilities = new Dictionary<string, double>(frequencies.Count, StringComparer.Ordinal);
        foreach (var (word, frequency) in frequencies)
        {
            _logProbabilities[word] = Math.Log(Math.Max(frequency, 1)) - logTotal;
        }

        // An unknown character is as likely as the rarest word: the path prefers known words.
        UnknownLogProbability = -logTotal;
        _lookup = _logProbabilities.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _logProbabilities.Count;

    public double UnknownLogProbability { get; }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.ContainsKey(word);

    public bool TryGetLogProbability(ReadOnlySpan<char> word, out double logProbability) => _lookup.TryGetValue(word, out logProbability);
}
