using CivicsClass.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Token = CivicsClass.Search.Analysis.Token;

namespace CivicsClass.Search.Engine;

/// <summary>
/// Emits the tokens of one field kind with their offsets in the original text (the normalised text
/// has one character per original one) and one position each, so phrases and marks line up. A
/// field's text is short enough to read whole; the same text analysed for two fields in a row (words,
/// then recall) is segmented once.
/// </summary>
internal sealed class CivicsTokenizer : Tokenizer
{
    [ThreadStatic]
    private static (string Text, IReadOnlyList<Token> Tokens)? t_last;

    private readonly TextAnalyzer _analysis;
    private readonly AnalysisKind _kind;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<(string Text, int Start, int End)> _tokens = [];
    private int _next;
    private int _length;

    public CivicsTokenizer(TextReader input, TextAnalyzer analysis, AnalysisKind kind) : base(input)
    {
        _analysis = analysis;
        _kind = kind;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_next >= _tokens.Count)
        {
            return false;
        }

        var (text, start, end) = _tokens[_next++];
        _term.SetEmpty().Append(text);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        _position.PositionIncrement = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        _length = text.Length;
        _next = 0;
        _tokens.Clear();
        switch (_kind)
        {
            case AnalysisKind.Words:
                _tokens.AddRange(Segment(text).Select(t => (t.Text, t.Start, t.End)));
                break;
            case AnalysisKind.Names:
                var names = Analyse(text, pinyin: true);
                _tokens.AddRange(names.Words.Select(t => (t.Text, t.Start, t.End)));
                _tokens.AddRange(names.RecallTokens.Select(t => (t.Text, t.Start, t.End)));
                break;
            default:
                _tokens.AddRange(Analyse(text, _kind == AnalysisKind.RecallWithPinyin).RecallTokens.Select(t => (t.Text, t.Start, t.End)));
                break;
        }
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_length);
        _offset.SetOffset(end, end);
    }

    private AnalyzedText Analyse(string text, bool pinyin) => _analysis.Analyze(Segment(text), pinyin);

    private IReadOnlyList<Token> Segment(string text)
    {
        if (t_last is { } last && string.Equals(last.Text, text, StringComparison.Ordinal))
        {
            return last.Tokens;
        }

        var tokens = _analysis.Tokens(text);
        t_last = (text, tokens);
        return tokens;
    }
}
