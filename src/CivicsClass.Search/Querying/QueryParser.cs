using System.Text;
using CivicsClass.Search.Analysis;

namespace CivicsClass.Search.Querying;

/// <summary>
/// Reads what a person typed: <c>劳模 "工匠精神" -历史 技能 OR 竞赛 theme:劳模精神 type:lesson</c>.
/// It never fails: an unbalanced quote closes at the end, a lone <c>-</c> or unknown field is taken
/// as text, control characters are dropped and a query past <see cref="MaxLength"/> characters is cut.
/// </summary>
public sealed class QueryParser(TextAnalyzer analyzer)
{
    public const int MaxLength = 200;

    public static readonly IReadOnlySet<string> Fields = new HashSet<string> { "type", "theme", "region", "industry", "lecturer" };

    public SearchQuery Parse(string? text)
    {
        var cleaned = Clean(text);
        var groups = new List<List<Alternative>>();
        var exclusions = new List<Alternative>();
        var filters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var highlights = new List<string>();
        var joinNext = false;

        foreach (var (raw, quoted) in Split(cleaned))
        {
            if (!quoted && raw == "OR")
            {
                joinNext = groups.Count > 0;
                continue;
            }

            var chunk = raw;
            var exclude = false;
            if (!quoted && chunk.Length > 1 && chunk[0] == '-')
            {
                exclude = true;
                chunk = chunk[1..];
            }

            var colon = quoted ? -1 : chunk.IndexOfAny([':', '：']);
            if (colon > 0 && colon < chunk.Length - 1 && Fields.Contains(chunk[..colon].ToLowerInvariant()) && !exclude)
            {
                var field = chunk[..colon].ToLowerInvariant();
                if (!filters.TryGetValue(field, out var values))
                {
                    filters[field] = values = [];
                }

                values.Add(chunk[(colon + 1)..].Trim('"'));
                continue;
            }

            // A phrase is matched token by token, stop words included, as the words field holds them.
            var phrase = quoted ? analyzer.Tokens(chunk).Select(t => t.Text).ToList() : [];
            var alternative = phrase.Count > 1 ? new Alternative(phrase, true) : new Alternative(analyzer.QueryTerms(chunk), false);
            if (alternative.Terms.Count == 0)
            {
                continue;
            }

            if (exclude)
            {
                exclusions.Add(alternative);
                continue;
            }

            highlights.Add(chunk);
            if (joinNext)
            {
                groups[^1].Add(alternative);
                joinNext = false;
            }
            else
            {
                groups.Add([alternative]);
            }
        }

        return new SearchQuery(groups, exclusions, filters.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value), highlights);
    }

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text)
        {
            if (builder.Length == MaxLength)
            {
                break;
            }

            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static IEnumerable<(string Text, bool Quoted)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] is '"' or '“' or '”')
            {
                var close = text.IndexOfAny(['"', '“', '”'], i + 1);
                var end = close < 0 ? text.Length : close;
                var phrase = text[(i + 1)..end].Trim();
                if (phrase.Length > 0)
                {
                    yield return (phrase, true);
                }

                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '“' or '”'))
            {
                i++;
            }

            yield return (text[start..i], false);
        }
    }
}
