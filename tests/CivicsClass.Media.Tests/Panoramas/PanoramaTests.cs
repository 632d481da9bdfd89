using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Generated;
using CivicsClass.Media.Panoramas;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using Xunit;

namespace CivicsClass.Media.Tests.Panoramas;

public sealed class PanoramaTests
{
    private static readonly CjkFonts s_fonts = new(NullLogger<CjkFonts>.Instance);

    private const string AnyuanBody = """
        安源地处江西萍乡，近代以安源煤矿和株萍铁路闻名。

        1921年秋，毛泽东到安源考察，此后李立三、刘少奇等先后来到这里开展工作。

        1922年9月，安源路矿工人举行大罢工，喊出“从前是牛马，现在要做人”的口号。

        ## 参观看点

        - 了解安源路矿工人从办夜校、建俱乐部到举行罢工的过程；
        - 体会罢工口号背后工人对做人尊严的追求。
        """;

    [Theory]
    [InlineData(4096, 2048)]
    [InlineData(2000, 1000)]
    [InlineData(2001, 1000)]
    [InlineData(6000, 2985)]
    public void Shape_TwiceAsWideAsHigh_IsAPanorama(int width, int height) => Assert.Null(PanoramaShape.Check(width, height));

    [Theory]
    [InlineData(1600, 1000, "1600×1000")]
    [InlineData(1000, 1000, "1000×1000")]
    [InlineData(4096, 1800, "4096×1800")]
    [InlineData(0, 0, "0×0")]
    public void Shape_AnyOtherShape_IsRefusedSayingWhatItIs(int width, int height, string size)
    {
        var message = PanoramaShape.Check(width, height);

        Assert.NotNull(message);
        Assert.Contains("宽高比 2:1", message);
        Assert.Contains(size, message);
    }

    [Fact]
    public void Panels_AreTheVenuesDatedParagraphsThenItsPoints()
    {
        var panels = PanoramaPanels.From(AnyuanBody);

        Assert.Equal(["1921年秋", "1922年9月", PanoramaPanels.PointsHeading, PanoramaPanels.PointsHeading], panels.Select(p => p.Heading));
        Assert.StartsWith("毛泽东到安源考察", panels[0].Text);
        Assert.Equal("了解安源路矿工人从办夜校、建俱乐部到举行罢工的过程", panels[2].Text);
        Assert.Empty(PanoramaPanels.From(null));
    }

    [Fact]
    public void Hotspots_PlacedLessonsKeepTheirPlace_OthersAreSpreadEvenlyFromStraightAhead()
    {
        var lessons = Enumerable.Range(1, 4).Select(n => Lesson($"lesson-{n}", $"第{n}课")).ToList();
        var panorama = new Panorama { Drawn = true, Hotspots = [new PanoramaHotspot { ContentItemId = "lesson-2", Yaw = 45, Pitch = 3 }] };

        var spots = VenuePanoramas.Hotspots(panorama, lessons);

        Assert.Equal(["lesson-1", "lesson-2", "lesson-3", "lesson-4"], spots.Select(s => s.LessonId));
        Assert.Equal([0, 45, 120, -120], spots.Select(s => s.Yaw));
        Assert.Equal([VenuePanoramas.DefaultPitch, 3, VenuePanoramas.DefaultPitch, VenuePanoramas.DefaultPitch], spots.Select(s => s.Pitch));
        Assert.Equal("/lessons/lesson-3", spots[2].Url);
        Assert.Equal("第3课", spots[2].Title);
    }

    [Fact]
    public void Render_IsA2To1Hall_FacingTheRedBannerAtItsCentre_WithFloorBelowAndCeilingAbove()
    {
        var spec = new PanoramaSpec("安源路矿工人运动纪念馆", "纪念馆 · 江西省", "纪念1922年安源路矿工人大罢工。", PanoramaPanels.From(AnyuanBody), "hall", 0);

        var png = new PanoramaRenderer(new PanoramaWalls(s_fonts)).Render(spec);
        var other = new PanoramaRenderer(new PanoramaWalls(s_fonts)).Render(spec with { Title = "二七纪念馆" });

        using var image = SKBitmap.Decode(png);
        Assert.Equal((PanoramaRenderer.Width, PanoramaRenderer.Height), (image.Width, image.Height));
        Assert.Equal(2 * image.Height, image.Width);
        // 32° left and 17.5° up is the front wall's banner, left of its title: red. Ahead and 45° down is the red carpet,
        // behind and 60° down the stone floor, straight up the pale ceiling.
        var banner = image.GetPixel(image.Width / 2 - (int)(31.9 / 360 * image.Width), (int)(image.Height * (0.5 - 17.5 / 180)));
        Assert.True(banner.Red > 120 && banner.Green < 80, $"banner {banner}");
        var carpet = image.GetPixel(image.Width / 2, image.Height * 3 / 4);
        Assert.True(carpet.Red > 100 && carpet.Green < 60, $"carpet {carpet}");
        var down = image.GetPixel(image.Width / 2 + (int)(150.0 / 360 * image.Width), image.Height * 5 / 6);
        Assert.True(down.Red > 180 && down.Green > 170, $"floor {down}");
        var up = image.GetPixel(image.Width / 2, 1);
        Assert.True(up.Red > 200 && up.Green > 200 && up.Blue > 190, $"ceiling {up}");
        Assert.NotEqual(png, other);
        Write("panorama.png", png);
    }

    private static ContentItem Lesson(string id, string title)
    {
        var item = new ContentItem { ContentItemId = id, ContentType = "Lesson", DisplayText = title };
        item.Apply(new AutoroutePart { Path = "lessons/" + id });
        return item;
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
