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
    // Every BMP character's normal form, worked out once: normalising is then one array read per character.
    private readonly char[] _table = new char[char.MaxValue + 1];

    public TextNormaliser()
    {
        var simplified = DataFiles.ReadTsv("t2s.tsv")
            .Where(f => f.Length == 2 && f[0].Length == 1 && f[1].Length == 1)
            .ToDictionary(f => f[0][0], f => f[1][0]);
        for (var i = 0; i <= char.MaxValue; i++)
        {
            _table[i] = Compute((char)i, simplified);
        }
    }

    public string Normalise(string text) =>
        string.Create(text.Length, (text, _table), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state._table[state.text[i]];
            }
        });

    public char Normalise(char c) => _table[c];

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The NFKC form of a character when it is one character; noncharacters have none.</summary>
    private static bool TryCompatible(char c, out char compatible)
    {
        compatible = c;
        if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.PrivateUse)
        {
            return false;
        }

        var form = c.ToString().Normalize(NormalizationForm.FormKC);
        if (form.Length != 1)
        {
            return false;
        }

        compatible = form[0];
        return true;
    }

    private static char Compute(char c, Dictionary<char, char> simplified)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }
        else if (c > 0x7F && !char.IsSurrogate(c) && !IsCjk(c) && TryCompatible(c, out var compatible))
        {
            c = compatible;
        }

        return simplified.TryGetValue(c, out var simple) ? simple : char.ToLowerInvariant(c);
    }
}
