using CivicsClass.Search.Querying;
using CivicsClass.Search.Tests.Analysis;
using Xunit;

namespace CivicsClass.Search.Tests.Querying;

public sealed class HighlighterTests
{
    private readonly Highlighter _highlighter = new(AnalysisFixture.Analyzer.Normaliser);

    [Fact]
    public void Highlight_MarksTheOriginalCharactersEvenWhenTraditionalOrFullWidth()
    {
        var html = _highlighter.Highlight("弘揚勞模精神，學習ＡＩ技術", ["劳模", "ai"]);

        Assert.Equal("弘揚<mark>勞模</mark>精神，學習<mark>ＡＩ</mark>技術", html);
    }

    [Fact]
    public void Highlight_EscapesEverythingElse()
    {
        var html = _highlighter.Highlight("<script>劳模</script> & \"x\"", ["劳模"]);

        Assert.Equal("&lt;script&gt;<mark>劳模</mark>&lt;/script&gt; &amp; &quot;x&quot;", html);
    }

    [Fact]
    public void Snippet_CentresOnTheFirstMatchAndMergesOverlaps()
    {
        var text = new string('前', 200) + "产业工人队伍建设改革" + new string('后', 200);

        var snippet = _highlighter.Snippet(text, ["产业工人", "工人队伍"], length: 60);

        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>产业工人队伍</mark>", snippet);
    }
}
