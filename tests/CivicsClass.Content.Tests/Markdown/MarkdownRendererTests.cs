using CivicsClass.Content.Markdown;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Content.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void ToHtml_BoldBesideChinesePunctuation_IsBold()
    {
        var html = _renderer.ToHtml("工人们喊出了**“劳工万岁”**的口号。");

        Assert.Contains("<strong>“劳工万岁”</strong>的口号", html);
        Assert.DoesNotContain("**", html);
    }

    [Fact]
    public void ToHtml_RawHtml_IsEscapedNotRendered()
    {
        var html = _renderer.ToHtml("正文<script>alert(1)</script>\n\n<div onclick=\"x()\">块</div>");

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<div", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JavaScript:alert(1))")]
    [InlineData("[点我](java\tscript:alert(1))")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[点我](vbscript:msgbox)")]
    public void ToHtml_UnsafeLink_IsDroppedAndItsTextKept(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotContain("href", html);
        Assert.Contains("点我", html);
    }

    [Fact]
    public void ToHtml_DataImage_IsDropped()
    {
        var html = _renderer.ToHtml("![图](data:image/png;base64,AAAA)");

        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void ToHtml_SafeLinks_AreKept()
    {
        var html = _renderer.ToHtml("[全总](https://www.acftu.org) [课](/lessons/a) [信](mailto:a@b.cn) 见 https://example.org/x");

        Assert.Contains("href=\"https://www.acftu.org\"", html);
        Assert.Contains("href=\"/lessons/a\"", html);
        Assert.Contains("href=\"mailto:a@b.cn\"", html);
        Assert.Contains("href=\"https://example.org/x\"", html);
    }

    [Fact]
    public void ToHtml_HeadingsTablesTaskListsAndEmphasis_AreRendered()
    {
        var html = _renderer.ToHtml("## 学习思考\n\n| 年份 | 事件 |\n|---|---|\n| 1922 | 安源路矿工人大罢工 |\n\n- [x] 读完\n- [ ] 答题\n\n~~删除~~ 与 ==标记==");

        Assert.Contains("<h2 id=\"学习思考\">学习思考</h2>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<td>1922</td>", html);
        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("<del>删除</del>", html);
        Assert.Contains("<mark>标记</mark>", html);
    }

    [Fact]
    public void ToPlainText_RemovesMarkdownSyntax()
    {
        var text = _renderer.ToPlainText("## 标题\n\n**工匠**精神，[链接](https://a.cn)。");

        Assert.DoesNotContain("#", text);
        Assert.DoesNotContain("**", text);
        Assert.Contains("工匠精神，链接。", text);
    }

    [Fact]
    public void ToHtml_EverySeedLesson_RendersWithoutRawHtml()
    {
        var lessons = Directory.GetFiles(Path.Combine(RepositoryPaths.Seeds, "lessons"), "*.md");

        foreach (var file in lessons)
        {
            var body = File.ReadAllText(file).Split("\n---\n", 2)[1];
            var html = _renderer.ToHtml(body);
            Assert.Contains("<h2", html);
            Assert.DoesNotContain("<script", html);
        }

        Assert.Equal(30, lessons.Length);
    }
}
