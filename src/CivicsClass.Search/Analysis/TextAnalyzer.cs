namespace CivicsClass.Search.Analysis;

/// <summary>
/// The one analysis run on documents and on queries. <see cref="AnalyzedText.Words"/> keep their
/// order (phrases match them); <see cref="AnalyzedText.Recall"/> adds what a searcher may type instead:
/// the shorter words inside long ones, character pairs of runs the dictionary does not know, and
/// for titles and names their pinyin, whole and as initials. Every token knows the characters it
/// stands for, so a match can be marked in the original text.
/// </summary>
public sealed class TextAnalyzer(TextNormaliser normaliser, Segmenter segmenter, WordDictionary dictionary, Pinyin pinyin)
{
    private static readonly HashSet<string> s_stopWords =
        ["的", "了", "和", "与", "及", "是", "在", "也", "就", "都", "而", "并", "或", "之", "等", "把", "被", "对", "中", "为", "以", "于", "其", "这", "那", "着", "a", "an", "the", "of", "and", "or", "to", "in"];

    public TextNormaliser Normaliser => normaliser;

    public static bool IsStopWord(string word) => s_stopWords.Contains(word);

    /// <summary>Every token of the text in order, stop words included: what a phrase is matched against.</summary>
    public IReadOnlyList<Token> Tokens(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : segmenter.Segment(normaliser.Normalise(text));

    public AnalyzedText Analyze(string? text, bool withPinyin = false) => Analyze(Tokens(text), withPinyin);

    /// <summary>The analysis of text already segmented by <see cref="Tokens"/>.</summary>
    public AnalyzedText Analyze(IReadOnlyList<Token> tokens, bool withPinyin = false)
    {
        if (tokens.Count == 0)
        {
            return new AnalyzedText([], []);
        }

        var words = tokens.Where(t => !s_stopWords.Contains(t.Text)).ToList();
        var recall = new List<RecallToken>();
        foreach (var token in words.Where(t => t.Kind == TokenKind.Word && t.Text.Length >= 3))
        {
            AddInnerWords(token, recall);
        }

        AddPairsOfUnknownRuns(tokens, recall);
        if (withPinyin)
        {
            var inner = recall.Where(r => r.Text.Length > 0 && TextNormaliser.IsCjk(r.Text[0])).ToList();
            AddPinyin(words, recall);
            foreach (var word in inner)
            {
                recall.Add(word with { Text = pinyin.Full(word.Text) });
                recall.Add(word with { Text = pinyin.Initials(word.Text) });
            }
        }

        // A set, not a scan of the words per recall token: a body has hundreds of each.
        var wordTexts = words.Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
        return new AnalyzedText(words, recall.Where(r => r.Text.Length > 0 && !wordTexts.Contains(r.Text)).ToList());
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

    private void AddInnerWords(Token word, List<RecallToken> recall)
    {
        var text = word.Text;
        for (var start = 0; start < text.Length; start++)
        {
            for (var length = 2; start + length <= text.Length && length < text.Length; length++)
            {
                var inner = text.AsSpan(start, length);
                if (dictionary.Contains(inner))
                {
                    recall.Add(new RecallToken(inner.ToString(), word.Start + start, word.Start + start + length));
                }
            }
        }
    }

    private static void AddPairsOfUnknownRuns(IReadOnlyList<Token> tokens, List<RecallToken> recall)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Unknown && tokens[i + 1].Kind == TokenKind.Unknown && tokens[i + 1].Start == tokens[i].End)
            {
                recall.Add(new RecallToken(tokens[i].Text + tokens[i + 1].Text, tokens[i].Start, tokens[i + 1].End));
            }
        }
    }

    private void AddPinyin(IReadOnlyList<Token> words, List<RecallToken> recall)
    {
        var chinese = words.Where(w => w.Kind != TokenKind.Latin).ToList();
        foreach (var word in chinese)
        {
            var full = pinyin.Full(word.Text);
            if (full.Length > 0)
            {
                recall.Add(new RecallToken(full, word.Start, word.End));
                recall.Add(new RecallToken(pinyin.Initials(word.Text), word.Start, word.End));
            }
        }

        var all = string.Concat(chinese.Select(w => w.Text));
        if (chinese.Count > 1 && all.Length <= 16)
        {
            recall.Add(new RecallToken(pinyin.Full(all), chinese[0].Start, chinese[^1].End));
            recall.Add(new RecallToken(pinyin.Initials(all), chinese[0].Start, chinese[^1].End));
        }
    }
}

/// <summary>Words in order, and recall tokens (each occurrence, with the characters it covers).</summary>
public sealed record AnalyzedText(IReadOnlyList<Token> Words, IReadOnlyList<RecallToken> RecallTokens)
{
    /// <summary>The distinct recall texts.</summary>
    public IReadOnlyList<string> Recall => RecallTokens.Select(r => r.Text).Distinct().ToList();
}

/// <summary>A token added for recall, standing for the normalised characters from <see cref="Start"/> to <see cref="End"/>.</summary>
public readonly record struct RecallToken(string Text, int Start, int End);
