using CivicsClass.Search.Analysis;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Search.Tests.Analysis;

public sealed class AnalyzerTests
{
    private static TextAnalyzer Analyzer => AnalysisFixture.Analyzer;

    [Theory]
    [InlineData("大力弘扬劳模精神、劳动精神、工匠精神", new[] { "大力", "弘扬", "劳模精神", "劳动精神", "工匠精神" })]
    [InlineData("深化产业工人队伍建设改革", new[] { "深化", "产业工人", "队伍", "建设", "改革" })]
    [InlineData("中华全国总工会成立于1925年", new[] { "中华全国总工会", "成立", "1925年" })]
    [InlineData("已建成18.61万个工会驿站", new[] { "已", "建成", "18.61万", "个", "工会驿站" })]
    [InlineData("5G基站的一线职工", new[] { "5g", "基站", "一线", "职工" })]
    public void Segment_RealSentences_FindsTheWords(string sentence, string[] expected)
    {
        Assert.Equal(expected, AnalysisFixture.Words(sentence));
    }

    [SkippableFact]
    public void Segment_CorpusSentences_KeepsKnownTermsWhole()
    {
        var corpus = RepositoryPaths.Corpus;
        Skip.IfNot(Directory.Exists(corpus), $"The source corpus is not at {corpus}.");
        var text = string.Concat(File.ReadAllLines(Path.Combine(corpus, "000_58820c49801f381c.txt")).Select(l => l.Trim()));

        var words = Analyzer.Analyze(text).Words.Select(w => w.Text).ToHashSet();

        Assert.Contains("共同富裕", words);
        Assert.Contains("中华全国总工会", words);
        Assert.Contains("新就业形态劳动者", words);
        Assert.Contains("1925", words);
        Assert.True(words.Count > 500);
    }

    [Fact]
    public void Analyze_LongWord_AddsItsInnerWordsForRecall()
    {
        var analyzed = Analyzer.Analyze("劳模精神");

        Assert.Equal(["劳模精神"], analyzed.Words.Select(w => w.Text));
        Assert.Contains("劳模", analyzed.Recall);
        Assert.Contains("精神", analyzed.Recall);
    }

    [Fact]
    public void Analyze_TitleWithPinyin_AddsFullAndInitials()
    {
        var analyzed = Analyzer.Analyze("劳模精神", withPinyin: true);

        Assert.Contains("laomojingshen", analyzed.Recall);
        Assert.Contains("lmjs", analyzed.Recall);
        Assert.Contains("laomo", analyzed.Recall);
        Assert.Contains("lm", analyzed.Recall);
    }

    [Fact]
    public void Normalise_FullWidthCaseAndTraditional_BecomeComparable()
    {
        var normaliser = Analyzer.Normaliser;

        Assert.Equal("abc123", normaliser.Normalise("ＡＢＣ１２３"));
        Assert.Equal("劳模会议", normaliser.Normalise("勞模會議"));
        Assert.Equal("中国工会", normaliser.Normalise("中國工會"));
        Assert.Equal("hello,世界", normaliser.Normalise("Ｈｅｌｌｏ，世界"));
    }

    [Fact]
    public void QueryTerms_UnknownName_IsSearchedAsCharacterPairs()
    {
        var terms = Analyzer.QueryTerms("赵秀梅");
        var indexed = Analyzer.Analyze("讲师赵秀梅是纺织工人").Recall;

        Assert.All(terms, t => Assert.True(indexed.Contains(t) || AnalysisFixture.Words("讲师赵秀梅是纺织工人").Contains(t), t));
    }

    [Fact]
    public void Analyze_StopWordsAndPunctuation_AreDropped()
    {
        Assert.Equal(["劳动", "光荣"], AnalysisFixture.Words("劳动的，光荣！"));
    }
}
