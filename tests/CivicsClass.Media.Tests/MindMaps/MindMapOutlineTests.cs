using CivicsClass.Media.MindMaps;
using Xunit;

namespace CivicsClass.Media.Tests.MindMaps;

/// <summary>A lesson's Markdown read as a mind map: only its words, in the shape its headings and lists give.</summary>
public sealed class MindMapOutlineTests
{
    [Fact]
    public void Headings_NestByLevel_UnderTheTitle_AndListsHangUnderTheirSection()
    {
        const string markdown = """
            ## 起因

            ### 工人的处境

            - 工资低
            - 工时长
              - 每天十二小时

            ## 经过

            ### 罢工

            #### 五天

            ## 意义
            """;

        var root = MindMapOutline.From("安源路矿工人大罢工", markdown);

        Assert.Equal("安源路矿工人大罢工", root.Text);
        Assert.Equal(MindMapNodeKind.Title, root.Kind);
        Assert.Equal(["起因", "经过", "意义"], root.Children.Select(c => c.Text));
        var situation = Assert.Single(root.Children[0].Children);
        Assert.Equal("工人的处境", situation.Text);
        Assert.Equal(["工资低", "工时长"], situation.Children.Select(c => c.Text));
        Assert.Equal(MindMapNodeKind.ListItem, situation.Children[0].Kind);
        Assert.Equal("每天十二小时", Assert.Single(situation.Children[1].Children).Text);
        Assert.Equal("五天", root.Children[1].Children[0].Children[0].Text);
        Assert.Empty(root.Children[2].Children);
    }

    [Fact]
    public void Paragraphs_GiveTheirBoldSentenceOrElseTheirFirst_TwoASection()
    {
        const string markdown = """
            1922年9月，罢工开始。工人们提出了**“从前是牛马，现在要做人”**的口号。罢工坚持了五天。

            罢工取得了胜利。这是一次完全胜利的罢工。

            第三段不再列出。

            ## 意义

            它鼓舞了全国工人。
            """;

        var root = MindMapOutline.From("安源", markdown);

        Assert.Equal(["工人们提出了“从前是牛马，现在要做人”的口号。", "罢工取得了胜利。", "意义"], root.Children.Select(c => c.Text));
        Assert.Equal(MindMapNodeKind.KeySentence, root.Children[0].Kind);
        Assert.Equal("它鼓舞了全国工人。", Assert.Single(root.Children[2].Children).Text);
    }

    [Fact]
    public void MarkdownSyntax_RawHtml_AndAddresses_NeverReachABranch()
    {
        const string markdown = """
            ## 一场*大会*与`代码`

            <script>alert(1)</script>

            <div class="x">块级 HTML</div>

            - [点这里](javascript:alert(1)) 看档案 <b onclick="x()">粗</b>
            - <javascript:alert(2)> 自动链接
            - ![图片说明](/media/a.jpg) 图后文字 &amp; 实体

            ```
            代码块不进导图
            ```

            > 引用里的**重点句**。其余。
            """;

        var root = MindMapOutline.From("标题 <i>斜</i>", markdown);
        var texts = root.DepthFirst().Select(n => n.Text).ToList();

        Assert.Equal(["标题 <i>斜</i>", "一场大会与代码", "点这里 看档案 粗", "自动链接", "图后文字 & 实体", "引用里的重点句。"], texts);
        Assert.All(texts.Skip(1), t => Assert.DoesNotContain("<", t));
        Assert.DoesNotContain(texts, t => t.Contains("javascript", StringComparison.OrdinalIgnoreCase) || t.Contains('*') || t.Contains('#')
            || t.Contains("](", StringComparison.Ordinal) || t.Contains("alert", StringComparison.Ordinal) || t.Contains("代码块", StringComparison.Ordinal));
    }

    [Fact]
    public void LongText_IsClipped_AndALargeLesson_StopsAtTheNodeLimit()
    {
        var longItem = new string('工', 60);
        var markdown = "- " + longItem + "\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"- 第{i}条\n"));

        var root = MindMapOutline.From("长课", markdown);

        Assert.Equal(MindMapOutline.MaxLength, root.Children[0].Text.Length);
        Assert.EndsWith("…", root.Children[0].Text);
        Assert.Equal(MindMapOutline.MaxNodes, root.DepthFirst().Count());
    }

    [Fact]
    public void EmptyBody_IsJustTheTitle()
    {
        var root = MindMapOutline.From("只有标题", "  \n");

        Assert.Equal("只有标题", root.Text);
        Assert.Empty(root.Children);
    }
}
