using System.Collections.Frozen;
using System.Text;

namespace CivicsClass.Search.Analysis;

/// <summary>Mandarin readings from Unihan (Data/pinyin.tsv): 劳模 → <c>laomo</c> and initials <c>lm</c>.</summary>
public sealed class Pinyin
{
    private readonly FrozenDictionary<char, string> _syllables;

    public Pinyin()
    {
        _syllables = DataFiles.ReadTsv("pinyin.tsv")
            .Where(f => f.Length == 2 && f[0].Length == 1)
            .ToFrozenDictionary(f => f[0][0], f => f[1]);
    }

    public string Full(string text) => Join(text, s => s);

    public string Initials(string text) => Join(text, s => s[..1]);

    public bool Has(char c) => _syllables.ContainsKey(c);

    private string Join(string text, Func<string, string> part)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (_syllables.TryGetValue(c, out var syllable))
            {
                builder.Append(part(syllable));
            }
        }

        return builder.ToString();
    }
}
