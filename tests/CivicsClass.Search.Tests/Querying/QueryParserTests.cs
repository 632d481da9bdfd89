using CivicsClass.Search.Querying;
using CivicsClass.Search.Tests.Analysis;
using Xunit;

namespace CivicsClass.Search.Tests.Querying;

public sealed class QueryParserTests
{
    private readonly QueryParser _parser = new(AnalysisFixture.Analyzer);

    [Fact]
    public void Parse_WordsPhraseExcludeOrAndFilters()
    {
        var query = _parser.Parse("劳模 \"工匠 精神\" -历史 技能 OR 竞赛 theme:劳模精神 type:lesson");

        Assert.Equal(3, query.Groups.Count);
        Assert.Equal(["劳模"], query.Groups[0].Single().Terms);
        Assert.True(query.Groups[1].Single().IsPhrase);
        Assert.Equal(2, query.Groups[2].Count);
        Assert.Equal(["历史"], query.Exclusions.Single().Terms);
        Assert.Equal(["劳模精神"], query.Filters["theme"]);
        Assert.Equal(["lesson"], query.Filters["type"]);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("-")]
    [InlineData("- - -")]
    [InlineData("OR OR")]
    [InlineData("theme:")]
    [InlineData(":::")]
    [InlineData("\u0001\u0002劳模\u0007")]
    public void Parse_BrokenInput_NeverThrows(string text)
    {
        var query = _parser.Parse(text);

        Assert.NotNull(query);
    }

    [Fact]
    public void Parse_TwoThousandCharacters_IsCutToTheLimit()
    {
        var cleaned = QueryParser.Clean(new string('劳', 2000));

        Assert.Equal(QueryParser.MaxLength, cleaned.Length);
    }

    [Fact]
    public void Parse_UnknownField_IsText()
    {
        var query = _parser.Parse("color:red");

        Assert.Empty(query.Filters);
        Assert.NotEmpty(query.Groups);
    }
}
