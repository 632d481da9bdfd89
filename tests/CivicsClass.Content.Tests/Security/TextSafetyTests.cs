using CivicsClass.Content.Security;
using Xunit;

namespace CivicsClass.Content.Tests.Security;

public sealed class TextSafetyTests
{
    [Theory]
    [InlineData("\u202E李师傅")]
    [InlineData("李\u200F师傅")]
    [InlineData("李\u2066师傅\u2069")]
    [InlineData("李\u200B师傅")]
    [InlineData("\uFEFF李师傅")]
    [InlineData("李\u0000")]
    [InlineData("李\n师傅")]
    [InlineData("李\u2028师傅")]
    [InlineData("\u3164")]
    [InlineData("李\uD800")]
    public void HasHiddenCharacters_ControlDirectionOrInvisible_True(string text) => Assert.True(TextSafety.HasHiddenCharacters(text));

    [Theory]
    [InlineData("李师傅")]
    [InlineData("Zhang Wei")]
    [InlineData("👨‍🔧 老王")]
    [InlineData("王·建国")]
    public void HasHiddenCharacters_OrdinaryNames_False(string text) => Assert.False(TextSafety.HasHiddenCharacters(text));

    [Fact]
    public void HasHiddenCharacters_LineBreaksAllowedWhenAsked() => Assert.False(TextSafety.HasHiddenCharacters("第一行\r\n第二行\t", allowLineBreaks: true));

    [Theory]
    [InlineData("管理员")]
    [InlineData("管 理 员")]
    [InlineData("网站管理員")]
    [InlineData("编辑部")]
    [InlineData("【官方】通知")]
    [InlineData("客\u200D服")]
    [InlineData("ＡＤＭＩＮ")]
    [InlineData("a.d.m.i.n")]
    [InlineData("SiteAdministrator")]
    public void ImitatesRole_RoleNamesHoweverWritten_True(string text) => Assert.True(TextSafety.ImitatesRole(text));

    [Theory]
    [InlineData("系统")]
    [InlineData("王编辑")]
    [InlineData("System")]
    public void ImitatesRole_SystemOrEditor_RefusedInNamesOnly(string text)
    {
        Assert.True(TextSafety.ImitatesRole(text, isName: true));
        Assert.False(TextSafety.ImitatesRole(text));
    }

    [Theory]
    [InlineData("李建国")]
    [InlineData("系统学习劳动法")]
    [InlineData("工会经费怎么用")]
    public void IsSafeLine_OrdinaryText_True(string text) => Assert.True(TextSafety.IsSafeLine(text));
}
