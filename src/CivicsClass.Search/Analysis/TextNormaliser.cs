using System.Collections.Frozen;
using System.Text;

namespace CivicsClass.Search.Analysis;

/// <summary>
/// Makes text comparable character by character: full-width forms to half-width, letters to lower
/// case, traditional characters to simplified (OpenCC's table), other compatibility forms by NFKC
/// where that keeps one character. Each output character stands for the input character at the same
/// index, so a match found in normalised text marks the original text exactly.
/// </summary>
public sealed class TextNormaliser
{
    private readonly FrozenDictionary<char, char> _simplified;

    public TextNormaliser()
    {
        _simplified = DataFiles.ReadTsv("t2s.tsv")
            .Where(f => f.Length == 2 && f[0].Length == 1 && f[1].Length == 1)
            .ToFrozenDictionary(f => f[0][0], f => f[1][0]);
    }

    public string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Normalise(c));
        }

        return builder.ToString();
    }

    public char Normalise(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }
        else if (c > 0x7F && !char.IsSurrogate(c) && !IsCjk(c))
        {
            var compatible = c.ToString().Normalize(NormalizationForm.FormKC);
            if (compatible.Length == 1)
            {
                c = compatible[0];
            }
        }

        if (_simplified.TryGetValue(c, out var simple))
        {
            return simple;
        }

        return char.ToLowerInvariant(c);
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
