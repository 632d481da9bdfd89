namespace CivicsClass.Search.Analysis;

/// <summary>
/// The one analysis run on documents and on queries. <see cref="AnalyzedText.Words"/> keep their
/// order (phrases match them); <see cref="AnalyzedText.Recall"/> adds what a searcher may type instead:
/// the shorter words inside long ones, character pairs of runs the dictionary does not know, and
/// for titles and names their pinyin, whole and as initials.
/// </summary>
public sealed class Analyzer(TextNormaliser normaliser, Segmenter segmenter, WordDictionary dictionary, Pinyin pinyin)
{
    private static readonly HashSet<string> s_stopWords =
        ["的", "了", "和", "与", "及", "是", "在", "也", "就", "都", "而", "并", "或", "之", "等", "把", "被", "对", "中", "为", "以", "于", "其", "这", "那", "着", "a", "an", "the", "of", "and", "or", "to", "in"];

    public TextNormaliser Normaliser => normaliser;

    public AnalyzedText Analyze(string? text, bool withPinyin = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AnalyzedText([], []);
        }

        var tokens = segmenter.Segment(normaliser.Normalise(text));
        var words = tokens.Where(t => !s_stopWords.Contains(t.Text)).ToList();
        var recall = new List<string>();
        foreach (var token in words.Where(t => t.Kind == TokenKind.Word && t.Text.Length >= 3))
        {
            AddInnerWords(token.Text, recall);
        }

        AddPairsOfUnknownRuns(tokens, recall);
        if (withPinyin)
        {
            AddPinyin(words, recall);
        }

        var inner = recall.Where(r => r.Length > 0 && TextNormaliser.IsCjk(r[0])).ToList();
        if (withPinyin)
        {
            foreach (var word in inner)
            {
                recall.Add(pinyin.Full(word));
                recall.Add(pinyin.Initials(word));
            }
        }

        // A set, not a scan of the words per recall token: a body has hundreds of each.
        var wordTexts = words.Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
        return new AnalyzedText(words, recall.Distinct().Where(r => !wordTexts.Contains(r)).ToList());
    }

    /// <summary>
    /// What a query must find: its words, except that a run of characters the dictionary does not
    /// know (a name, a new term) is searched as its character pairs, which documents index for recall.
    /// </summary>
    public IReadOnlyList<string> QueryTerms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = segmenter.Segment(normaliser.Normalise(text));
        var terms = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var run = i;
            while (run < tokens.Count && tokens[run].Kind == TokenKind.Unknown && (run == i || tokens[run].Start == tokens[run - 1].End))
            {
                run++;
            }

            if (run - i >= 2)
            {
                for (var k = i; k < run - 1; k++)
                {
                    terms.Add(tokens[k].Text + tokens[k + 1].Text);
                }

                i = run - 1;
            }
            else if (!s_stopWords.Contains(tokens[i].Text))
            {
                terms.Add(tokens[i].Text);
            }
        }

        return terms.Distinct().ToList();
    }

    private void AddInnerWords(string word, List<string> recall)
    {
        for (var start = 0; start < word.Length; start++)
        {
            for (var length = 2; start + length <= word.Length && length < word.Length; length++)
            {
                var inner = word.AsSpan(start, length);
                if (dictionary.Contains(inner))
                {
                    recall.Add(inner.ToString());
                }
            }
        }
    }

    private static void AddPairsOfUnknownRuns(IReadOnlyList<Token> tokens, List<string> recall)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Unknown && tokens[i + 1].Kind == TokenKind.Unknown && tokens[i + 1].Start == tokens[i].End)
            {
                recall.Add(tokens[i].Text + tokens[i + 1].Text);
            }
        }
    }

    private void AddPinyin(IReadOnlyList<Token> words, List<string> recall)
    {
        var chinese = words.Where(w => w.Kind != TokenKind.Latin).ToList();
        foreach (var word in chinese)
        {
            var full = pinyin.Full(word.Text);
            if (full.Length > 0)
            {
                recall.Add(full);
                recall.Add(pinyin.Initials(word.Text));
            }
        }

        var all = string.Concat(chinese.Select(w => w.Text));
        if (chinese.Count > 1 && all.Length <= 16)
        {
            recall.Add(pinyin.Full(all));
            recall.Add(pinyin.Initials(all));
        }
    }
}

public sealed record AnalyzedText(IReadOnlyList<Token> Words, IReadOnlyList<string> Recall)
{
    public string WordText => string.Join(' ', Words.Select(w => w.Text));

    public string RecallText => string.Join(' ', Recall);
}
