using System.Diagnostics;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Editorial.Review;
using Xunit;
using Xunit.Abstractions;

namespace CivicsClass.Editorial.Tests.Review;

/// <summary>The line diff a reviewer reads: right on a small example, and cheap on a long lesson.</summary>
public sealed class TextDiffTests(ITestOutputHelper output)
{
    [Fact]
    public void Lines_SmallChange_ShowsRemovedBeforeAddedAndKeepsTheRest()
    {
        var before = "第一段\n第二段\n第三段\n第四段";
        var after = "第一段\n第二段（改）\n第三段\n第四段\r\n第五段";

        var lines = TextDiff.Lines(before, after);

        DiffLine[] expected =
        [
            new(' ', "第一段"), new('-', "第二段"), new('+', "第二段（改）"), new(' ', "第三段"), new(' ', "第四段"), new('+', "第五段"),
        ];
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Lines_NewOrEmptiedField_IsAllAddedOrAllRemoved()
    {
        var added = TextDiff.Lines(null, "一\n二");
        var removed = TextDiff.Lines("一\n二", "");

        Assert.Equal([new DiffLine('+', "一"), new DiffLine('+', "二")], added);
        Assert.Equal([new DiffLine('-', "一"), new DiffLine('-', "二")], removed);
    }

    [Fact]
    public void Lines_TwoLongTextsWithScatteredChanges_AreComparedQuicklyInLittleMemory()
    {
        const int count = 5_000;
        var before = Enumerable.Range(0, count).Select(i => $"第 {i} 行：劳模精神、劳动精神、工匠精神。").ToList();
        var after = new List<string>(before);
        var changed = 0;
        for (var i = after.Count - 1; i > 0; i -= 97)
        {
            after[i] += "（修订）";
            changed++;
        }

        after.Insert(2_500, "新增的一行");
        after.RemoveAt(10);
        TextDiff.Lines("热身\n一行", "热身\n两行"); // loaded and compiled before measuring
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var lines = TextDiff.Lines(string.Join('\n', before), string.Join('\n', after));

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"{count} lines: {watch.ElapsedMilliseconds} ms, {allocated / 1024.0 / 1024.0:F1} MB allocated");
        Assert.Equal(before, lines.Where(l => l.Change != '+').Select(l => l.Text));
        Assert.Equal(after, lines.Where(l => l.Change != '-').Select(l => l.Text));
        Assert.Equal(changed + 1, lines.Count(l => l.Change == '-'));
        Assert.Equal(changed + 1, lines.Count(l => l.Change == '+'));
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated} bytes allocated");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.ElapsedMilliseconds} ms");
    }
}
