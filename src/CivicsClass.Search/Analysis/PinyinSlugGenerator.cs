using System.Collections.Frozen;
using System.Text;
using CivicsClass.Content.Items;

namespace CivicsClass.Search.Analysis;

/// <summary>
/// Writes a Chinese title as pinyin, a hyphen between words: 安源路矿工人大罢工 →
/// <c>anyuan-lukuang-gongren-da-bagong</c>. Words come from the search dictionary; a word with a
/// reading of its own is read so (重庆 <c>chongqing</c>, 银行 <c>yinhang</c>), other characters by
/// their most frequent reading. Latin letters and digits are kept; punctuation separates.
/// </summary>
internal sealed class PinyinSlugGenerator(TextNormaliser normaliser, Segmenter segmenter, Pinyin pinyin) : ISlugGenerator
{
    private const int LongestWord = 4;

    private static readonly Lazy<FrozenDictionary<string, string>> s_readings = new(() =>
        DataFiles.ReadTsv("pinyin-words.tsv").Where(f => f.Length == 2).ToFrozenDictionary(f => f[0], f => f[1], StringComparer.Ordinal));

    public string FromTitle(string title)
    {
        var normalised = normaliser.Normalise(title);
        return Slugs.Join(segmenter.Segment(normalised).Select(t => t.Kind == TokenKind.Latin ? Latin(t.Text) : Read(t.Text)));
    }

    /// <summary>A word's reading: the longest stretches with readings of their own, then single characters.</summary>
    private string Read(string word)
    {
        var readings = s_readings.Value;
        var builder = new StringBuilder();
        var i = 0;
        while (i < word.Length)
        {
            var matched = false;
            for (var length = Math.Min(LongestWord, word.Length - i); length >= 1 && !matched; length--)
            {
                if (readings.TryGetValue(word.Substring(i, length), out var reading))
                {
                    builder.Append(reading);
                    i += length;
                    matched = true;
                }
            }

            if (!matched)
            {
                builder.Append(pinyin.Full(word[i].ToString()));
                i++;
            }
        }

        return builder.ToString();
    }

    private static string Latin(string text) => new(text.Where(char.IsAsciiLetterOrDigit).ToArray());
}
