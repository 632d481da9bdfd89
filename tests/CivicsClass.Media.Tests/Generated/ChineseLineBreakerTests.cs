using CivicsClass.Media.Generated;
using Xunit;

namespace CivicsClass.Media.Tests.Generated;

/// <summary>Line breaking measured in characters: each character one unit wide, so the rules show plainly.</summary>
public sealed class ChineseLineBreakerTests
{
    private static float Width(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    [Fact]
    public void Break_ClosingPunctuation_NeverStartsALine()
    {
        var lines = ChineseLineBreaker.Break("安源路矿工人大罢工，从前是牛马", 9, Width, 3);

        Assert.Equal(["安源路矿工人大罢", "工，从前是牛马"], lines);
        Assert.All(lines, l => Assert.DoesNotContain(l[0], "，。、；：？！）」》”"));
    }

    [Fact]
    public void Break_OpeningPunctuation_NeverEndsALine_AndNumbersStayWhole()
    {
        var lines = ChineseLineBreaker.Break("工人读《劳动法》1922年的故事", 4, Width, 6);

        Assert.DoesNotContain(lines, l => l.EndsWith('《'));
        Assert.Contains(lines, l => l.Contains("1922", StringComparison.Ordinal));
        Assert.Equal("工人读《劳动法》1922年的故事", string.Concat(lines));
    }

    [Fact]
    public void Break_SingleCharacterLastLine_BorrowsFromTheLineAbove()
    {
        var lines = ChineseLineBreaker.Break("一二三四五六七八九", 8, Width, 3);

        Assert.Equal(["一二三四五六七", "八九"], lines);
    }

    [Fact]
    public void Break_TooLong_EndsInAnEllipsisWithinTheWidth()
    {
        var lines = ChineseLineBreaker.Break("一二三四五六七八九十一二三四五六七八九十", 6, Width, 2);

        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.True(Width(lines[1]) <= 6);
    }
}
