using CivicsClass.Media.Narration;
using CivicsClass.Media.Text;
using Xunit;

namespace CivicsClass.Media.Tests.Narration;

/// <summary>What is read of a lesson's Markdown, and how it is cut into sentences.</summary>
public sealed class NarrationScriptTests
{
    [Fact]
    public void Blocks_LeaveOutMarkdownSyntaxImagesAndCode()
    {
        var markdown = """
            ## 标题 *一*

            正文有**粗体**、`代码`和[链接](https://example.org)。

            ![图片说明](/media/x.jpg)

            ```
            var skipped = true;
            ```

            | 年份 | 人数 |
            |---|---|
            | 1925 | 54万 |

            > 引文一句。
            """;

        var blocks = NarrationScript.Blocks(markdown).ToList();

        Assert.Equal(["标题 一", "正文有粗体、代码和链接。", "年份", "人数", "1925", "54万", "引文一句。"], blocks);
    }

    [Fact]
    public void Split_CutsAfterSentenceEnds_KeepingQuotesAndDecimals()
    {
        var sentences = Sentences.Split("工人说：“从前是牛马，现在要做人！”增长18.61万人。真的吗？是的……Yes. OK");

        Assert.Equal(["工人说：“从前是牛马，现在要做人！”", "增长18.61万人。", "真的吗？", "是的……", "Yes.", "OK"], sentences);
    }
}
