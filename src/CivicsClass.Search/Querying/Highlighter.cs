using System.Net;
using System.Text;
using CivicsClass.Search.Analysis;

namespace CivicsClass.Search.Querying;

/// <summary>
/// A snippet of the original text around the first match, with every match wrapped in
/// <c>&lt;mark&gt;</c> and everything else HTML-escaped. Matching runs on normalised text, which has
/// one character per original character, so the marks fall on the original characters.
/// </summary>
public sealed class Highlighter(TextNormaliser normaliser)
{
    public string Snippet(string text, IReadOnlyList<string> needles, int length = 90)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalised = normaliser.Normalise(text);
        var marks = Marks(normalised, needles);
        var first = Anchor(normalised, needles) ?? (marks.Count > 0 ? marks[0].Start : 0);
        var start = Math.Max(0, Math.Min(first - length / 3, text.Length - length));
        var end = Math.Min(text.Length, start + length);
        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append('…');
        }

        builder.Append(Mark(text, marks, start, end));
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>Where the longest needle first occurs: a phrase matters more than one of its words.</summary>
    private int? Anchor(string normalised, IReadOnlyList<string> needles)
    {
        foreach (var needle in needles.Select(n => normaliser.Normalise(n).Trim()).Where(n => n.Length > 0).OrderByDescending(n => n.Length))
        {
            var at = normalised.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }
        }

        return null;
    }

    public string Highlight(string text, IReadOnlyList<string> needles) =>
        string.IsNullOrEmpty(text) ? "" : Mark(text, Marks(normaliser.Normalise(text), needles), 0, text.Length);

    private List<(int Start, int End)> Marks(string normalised, IReadOnlyList<string> needles)
    {
        var marks = new List<(int Start, int End)>();
        foreach (var needle in needles.Select(n => normaliser.Normalise(n).Trim()).Where(n => n.Length > 0).Distinct())
        {
            for (var at = normalised.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = normalised.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                marks.Add((at, at + needle.Length));
            }
        }

        // Overlapping matches merge into one mark.
        marks.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var mark in marks)
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, mark.End));
            }
            else
            {
                merged.Add(mark);
            }
        }

        return merged;
    }

    private static string Mark(string text, List<(int Start, int End)> marks, int start, int end)
    {
        var builder = new StringBuilder();
        var at = start;
        foreach (var (markStart, markEnd) in marks.Where(m => m.End > start && m.Start < end))
        {
            var from = Math.Max(markStart, start);
            var to = Math.Min(markEnd, end);
            builder.Append(WebUtility.HtmlEncode(text[at..from])).Append("<mark>").Append(WebUtility.HtmlEncode(text[from..to])).Append("</mark>");
            at = to;
        }

        builder.Append(WebUtility.HtmlEncode(text[at..end]));
        return builder.ToString();
    }
}
