using CivicsClass.Search.Engine;
using Lucene.Net.Analysis.TokenAttributes;
using Xunit;

namespace CivicsClass.Search.Tests.Analysis;

/// <summary>Our analysis as a Lucene analyzer: each token's offsets point at the original characters it stands for, positions go one by one.</summary>
public sealed class CivicsAnalyzerTests
{
    private static readonly CivicsAnalyzer s_analyzer = new(AnalysisFixture.Analyzer);

    [Fact]
    public void Words_KeepStopWordsInPlace_WithOffsetsIntoTheOriginal()
    {
        const string text = "弘扬勞模精神的ＡＢＣ";

        var tokens = Tokens(IndexFields.Body, text);

        Assert.Equal(["弘扬", "劳模精神", "的", "abc"], tokens.Select(t => t.Term));
        Assert.All(tokens, t => Assert.Equal(1, t.Increment));
        Assert.Equal(["弘扬", "勞模精神", "的", "ＡＢＣ"], tokens.Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Recall_InnerWordsAndPinyin_MarkTheCharactersTheyCameFrom()
    {
        const string text = "劳模精神";

        var recall = Tokens(IndexFields.TitleRecall, text);

        Assert.Contains(recall, t => t.Term == "劳模" && text[t.Start..t.End] == "劳模");
        Assert.Contains(recall, t => t.Term == "精神" && text[t.Start..t.End] == "精神");
        Assert.Contains(recall, t => t.Term == "laomojingshen" && text[t.Start..t.End] == "劳模精神");
        Assert.Contains(recall, t => t.Term == "lm" && text[t.Start..t.End] == "劳模");
    }

    [Fact]
    public void UnknownRun_IsIndexedAsPairs_EachWithItsOwnOffsets()
    {
        const string text = "讲师㐀㐁㐂";

        var recall = Tokens(IndexFields.BodyRecall, text);

        Assert.Equal(["㐀㐁", "㐁㐂"], recall.Select(t => t.Term));
        Assert.All(recall, t => Assert.Equal(t.Term, text[t.Start..t.End]));
    }

    private static List<(string Term, int Start, int End, int Increment)> Tokens(string field, string text)
    {
        var tokens = new List<(string, int, int, int)>();
        using var stream = s_analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, position.PositionIncrement));
        }

        stream.End();
        Assert.Equal(text.Length, offset.EndOffset);
        return tokens;
    }
}
