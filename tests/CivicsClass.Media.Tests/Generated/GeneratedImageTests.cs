using CivicsClass.Media.Generated;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using Xunit;

namespace CivicsClass.Media.Tests.Generated;

public sealed class GeneratedImageTests
{
    private static readonly CjkFonts s_fonts = new(NullLogger<CjkFonts>.Instance);

    [Fact]
    public void Cover_IsTheLargestCardSize_AndDiffersBetweenItems()
    {
        var renderer = new CoverRenderer(s_fonts);

        var first = renderer.Cover(new CoverSpec("安源路矿工人大罢工：从前是牛马，现在要做人", "课程 · 工运历史", "flag", 0, 11));
        var second = renderer.Cover(new CoverSpec("二七大罢工", "课程 · 工运历史", "flag", 0, 12));

        using var image = SKBitmap.Decode(first);
        Assert.Equal((CoverRenderer.CoverWidth, CoverRenderer.CoverHeight), (image.Width, image.Height));
        Assert.NotEqual(first, second);
        Write("cover-1.png", first);
        Write("cover-2.png", second);
    }

    [Fact]
    public void Portrait_IsSquare_WithTheInitialOnADisc()
    {
        var portrait = new CoverRenderer(s_fonts).Portrait(new CoverSpec("陈志远", "专家学者", "medal", 3, 5));

        using var image = SKBitmap.Decode(portrait);
        Assert.Equal((CoverRenderer.PortraitSize, CoverRenderer.PortraitSize), (image.Width, image.Height));
        Assert.Equal(CoverPalette.Paper, image.GetPixel(2, 2));
        Assert.Equal("陈", CoverRenderer.Initial(" 陈志远"));
        Assert.Equal("A", CoverRenderer.Initial("anna"));
        Write("portrait.png", portrait);
    }

    [Fact]
    public void WithoutAChineseFont_CoversAndLongImagesAreStillDrawn_AndTheLogSaysSoOnce()
    {
        var log = new CountingLogger();
        var fonts = new CjkFonts(log, _ => null);
        var covers = new CoverRenderer(fonts);

        var cover = covers.Cover(new CoverSpec("二七大罢工", "课程 · 工运历史", "flag", 0, 12));
        var portrait = covers.Portrait(new CoverSpec("陈志远", "专家学者", "medal", 3, 5));
        var page = new LongImageRenderer(fonts).Render(new LongImageSpec("二七大罢工", null, "陈志远", "专家学者", ["起因"], "哪一年？", ["1923年"],
            "中国工人大思政课", "http://localhost/lessons/erqi", "flag", 0));

        using var decoded = SKBitmap.Decode(cover);
        using var longImage = SKBitmap.Decode(page);
        Assert.Equal(CoverRenderer.CoverWidth, decoded.Width);
        Assert.Equal(LongImageRenderer.Width, longImage.Width);
        Assert.NotEmpty(portrait);
        Assert.Equal("none", fonts.Description);
        Assert.Equal(1, log.Warnings);
    }

    [Fact]
    public void LongImage_IsSevenHundredFiftyWide_AndGrowsWithItsContent()
    {
        var renderer = new LongImageRenderer(s_fonts);
        var spec = new LongImageSpec("安源路矿工人大罢工：从前是牛马，现在要做人", "1922年9月，江西萍乡安源的路矿工人在党的领导下举行大罢工。", "陈志远", "专家学者",
            ["井下与路上的“牛马”日子", "从识字班到工人俱乐部", "五天罢工，赢得做人的尊严"], "安源路矿工人大罢工发生在哪一年？", ["1921年", "1922年", "1923年", "1925年"],
            "中国工人大思政课", "http://localhost/lessons/anyuan-great-strike-1922", "flag", 1);

        var full = renderer.Render(spec);
        var shorter = renderer.Render(spec with { KeyPoints = ["井下与路上的“牛马”日子"], QuizQuestion = null, QuizOptions = [] });

        using var image = SKBitmap.Decode(full);
        using var small = SKBitmap.Decode(shorter);
        Assert.Equal(LongImageRenderer.Width, image.Width);
        Assert.True(image.Height > small.Height);
        Write("long.png", full);
    }

    [Fact]
    public void Keys_ChangeWithWhatIsDrawn_AndNothingElse()
    {
        var spec = new CoverSpec("二七大罢工", "课程 · 工运历史", "flag", 0, 12);

        var key = GeneratedImageKeys.For(GeneratedImageKind.Cover, spec, "Noto Sans CJK SC");

        Assert.Equal(key, GeneratedImageKeys.For(GeneratedImageKind.Cover, spec with { }, "Noto Sans CJK SC"));
        Assert.NotEqual(key, GeneratedImageKeys.For(GeneratedImageKind.Cover, spec with { Title = "二七大罢工（修订）" }, "Noto Sans CJK SC"));
        Assert.NotEqual(key, GeneratedImageKeys.For(GeneratedImageKind.Cover, spec, "none"));
        Assert.NotEqual(key, GeneratedImageKeys.For(GeneratedImageKind.Portrait, spec, "Noto Sans CJK SC"));
        Assert.Matches("^[0-9a-f]{32}\\.png$", key);
    }

    [Fact]
    public void KeyPoints_AreTheHeadingsThenTheListItems()
    {
        var points = KeyPoints.From("## 井下的日子\n\n正文。\n\n## 从识字班到俱乐部\n\n- 办**识字班**\n- 成立俱乐部\n");

        Assert.Equal(["井下的日子", "从识字班到俱乐部", "办识字班", "成立俱乐部"], points);
    }

    private sealed class CountingLogger : Microsoft.Extensions.Logging.ILogger
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Warnings += logLevel == Microsoft.Extensions.Logging.LogLevel.Warning ? 1 : 0;
    }

    private static void Write(string name, byte[] png)
    {
        if (Environment.GetEnvironmentVariable("CIVICS_KEEP_IMAGES") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), png);
        }
    }
}
