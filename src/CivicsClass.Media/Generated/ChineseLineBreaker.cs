using System.Globalization;
using System.Text;

namespace CivicsClass.Media.Generated;

/// <summary>
/// Breaks a title into lines the way Chinese is set: between any two characters, except that closing
/// punctuation (，。、）》” …) never begins a line, opening punctuation (（《“ …) never ends one, a Latin
/// word or a number (<c>1922年</c>'s 1922, <c>5G</c>) is never split, and a last line of a single character
/// borrows one from the line above. Text beyond the last allowed line ends in an ellipsis.
/// </summary>
internal static class ChineseLineBreaker
{
    private const string NoLineStart = "，。、；：？！）」』》〉】〕｝”’…—·%,.;:?!)]}>～";
    private const string NoLineEnd = "（「『《〈【〔｛“‘([{<";
    private const string Ellipsis = "…";

    public static IReadOnlyList<string> Break(string text, float width, Func<string, float> measure, int maxLines)
    {
        var lines = new List<List<string>>();
        var line = new List<string>();
        foreach (var unit in Units(text.Trim()))
        {
            if (line.Count > 0 && measure(Join(line) + unit) > width)
            {
                lines.Add(line);
                line = [];
            }

            if (line.Count == 0 && unit == " ")
            {
                continue;
            }

            line.Add(unit);
        }

        if (line.Count > 0)
        {
            lines.Add(line);
        }

        if (lines.Count > maxLines)
        {
            return [.. lines.Take(maxLines - 1).Select(Join), Truncate(lines[maxLines - 1], width, measure)];
        }

        BalanceLastLine(lines, width, measure);
        return lines.Select(Join).Where(l => l.Length > 0).ToList();
    }

    /// <summary>The pieces a line may break between: one character, a Latin word or number, each with the punctuation that clings to it.</summary>
    public static IReadOnlyList<string> Units(string text)
    {
        var units = new List<string>();
        var pendingOpeners = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        var word = new StringBuilder();

        void Push(string unit)
        {
            if (pendingOpeners.Length > 0)
            {
                unit = pendingOpeners + unit;
                pendingOpeners.Clear();
            }

            units.Add(unit);
        }

        void FlushWord()
        {
            if (word.Length > 0)
            {
                Push(word.ToString());
                word.Clear();
            }
        }

        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var c = element[0];
            if (element.Length == 1 && (char.IsAsciiLetterOrDigit(c) || (word.Length > 0 && "-'/+._".Contains(c))))
            {
                word.Append(c);
                continue;
            }

            FlushWord();
            if (NoLineStart.Contains(element, StringComparison.Ordinal) && units.Count > 0 && pendingOpeners.Length == 0)
            {
                units[^1] += element;
            }
            else if (NoLineEnd.Contains(element, StringComparison.Ordinal))
            {
                pendingOpeners.Append(element);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (units.Count > 0 && units[^1] != " ")
                {
                    Push(" ");
                }
            }
            else
            {
                Push(element);
            }
        }

        FlushWord();
        if (pendingOpeners.Length > 0)
        {
            units.Add(pendingOpeners.ToString());
        }

        return units;
    }

    private static void BalanceLastLine(List<List<string>> lines, float width, Func<string, float> measure)
    {
        if (lines.Count < 2 || lines[^1].Count != 1 || new StringInfo(lines[^1][0]).LengthInTextElements > 2 || lines[^2].Count < 3)
        {
            return;
        }

        var moved = lines[^2][^1];
        if (measure(moved + lines[^1][0]) <= width)
        {
            lines[^2].RemoveAt(lines[^2].Count - 1);
            lines[^1].Insert(0, moved);
        }
    }

    private static string Truncate(List<string> line, float width, Func<string, float> measure)
    {
        var units = line.ToList();
        while (units.Count > 1 && measure(Join(units) + Ellipsis) > width)
        {
            units.RemoveAt(units.Count - 1);
        }

        return Join(units).TrimEnd().TrimEnd(NoLineEnd.ToCharArray()).TrimEnd('，', '、', '：', '；', ',') + Ellipsis;
    }

    private static string Join(IEnumerable<string> units) => string.Concat(units).TrimEnd();
}
