using CivicsClass.Media.Narration;
using Xunit;

namespace CivicsClass.Media.Tests.Narration;

/// <summary>Numbers, dates, percentages and units are given to the engine as they are said in Chinese.</summary>
public sealed class ChineseNumbersTests
{
    [Theory]
    [InlineData("1925年", "一九二五年")]
    [InlineData("18.61万", "十八点六一万")]
    [InlineData("3.5%", "百分之三点五")]
    [InlineData("60％", "百分之六十")]
    [InlineData("1922年9月14日凌晨", "一九二二年九月十四日凌晨")]
    [InlineData("1921—1923年", "一九二一—一九二三年")]
    [InlineData("2026-05-08", "二零二六年五月八日")]
    [InlineData("5806万人", "五千八百零六万人")]
    [InlineData("549.9万", "五百四十九点九万")]
    [InlineData("1,205名", "一千二百零五名")]
    [InlineData("职工服务热线12351。", "职工服务热线一二三五一。")]
    [InlineData("100000人", "十万人")]
    [InlineData("第10届", "第十届")]
    [InlineData("110", "一百一十")]
    [InlineData("10001人", "一万零一人")]
    [InlineData("2个", "两个")]
    [InlineData("２０２３年", "二零二三年")]
    [InlineData("9:05开始", "九点零五分开始")]
    [InlineData("时速350km/h", "时速三百五十公里每小时")]
    [InlineData("37℃", "三十七摄氏度")]
    [InlineData("0.5", "零点五")]
    [InlineData("没有数字", "没有数字")]
    public void Read_WritesNumbersOutAsSaid(string text, string spoken)
    {
        var read = ChineseNumbers.Read(text);

        Assert.Equal(spoken, read);
    }

    [Theory]
    [InlineData("0", "零")]
    [InlineData("15", "十五")]
    [InlineData("1000", "一千")]
    [InlineData("1010", "一千零一十")]
    [InlineData("20000", "二万")]
    [InlineData("100010000", "一亿零一万")]
    [InlineData("120000000", "一亿二千万")]
    public void Integer_ReadsByValue(string digits, string spoken)
    {
        Assert.Equal(spoken, ChineseNumbers.Integer(digits));
    }
}
