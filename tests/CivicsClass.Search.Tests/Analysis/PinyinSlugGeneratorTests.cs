using CivicsClass.Content.Items;
using CivicsClass.Search.Analysis;
using Xunit;

namespace CivicsClass.Search.Tests.Analysis;

public sealed class PinyinSlugGeneratorTests
{
    private static readonly Lazy<PinyinSlugGenerator> s_slugs = new(() =>
    {
        var dictionary = new WordDictionary();
        return new PinyinSlugGenerator(new TextNormaliser(), new Segmenter(dictionary), new Pinyin());
    });

    [Theory]
    [InlineData("重庆", "chongqing")] // 重 is read zhong alone, chong in the place name
    [InlineData("重庆银行职工", "chongqing-yinhang-zhigong")]
    [InlineData("长沙的行业工会", "changsha-de-hangye-gonghui")]
    [InlineData("重要的事", "zhongyao-de-shi")]
    public void FromTitle_Chinese_IsPinyinWordByWord(string title, string expected)
    {
        Assert.Equal(expected, s_slugs.Value.FromTitle(title));
    }

    [Theory]
    [InlineData("大地上的劳动者", "dadishangdelaodongzhe")] // 地 is di, not Unihan's first reading de
    [InlineData("安源路矿工人大罢工", "anyuanlukuanggongrendabagong")]
    [InlineData("银行里的长者", "yinhanglidezhangzhe")]
    public void FromTitle_Chinese_ReadsEveryCharacterRight(string title, string expected)
    {
        Assert.Equal(expected, s_slugs.Value.FromTitle(title).Replace("-", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("5G基站的一线职工", "5g-jizhan-de-yixian-zhigong")]
    [InlineData("《劳动法》第 36 条：工作时间", "laodongfa-di-36-tiao-gongzuo-shijian")]
    [InlineData("重慶銀行", "chongqing-yinhang")] // traditional characters are read as simplified
    [InlineData("！？……", "")]
    public void FromTitle_LatinDigitsPunctuationAndTraditional_AreHandled(string title, string expected)
    {
        Assert.Equal(expected, s_slugs.Value.FromTitle(title));
    }

    [Fact]
    public void FromTitle_VeryLongTitle_StopsAtAWholeWordWithinTheLimit()
    {
        var slug = s_slugs.Value.FromTitle(string.Concat(Enumerable.Repeat("全心全意依靠工人阶级", 20)));

        Assert.InRange(slug.Length, 1, Slugs.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("quanxinquanyi", slug);
    }
}
