using System.Diagnostics;
using System.Text;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Media.Tests.Imaging;

/// <summary>What the site asks of libvips: upright derivatives with no metadata, and crafted files refused rather than decoded.</summary>
public sealed class VipsImageProcessorTests
{
    private static readonly IImageProcessor Images = VipsImageProcessor.Create();

    [Theory]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.Webp)]
    [InlineData(ImageFormat.Png)]
    public void Derivative_IsTurnedUpright_AndKeepsNoExif(ImageFormat format)
    {
        var sideways = TestFiles.JpegWithExif(400, 200);

        var derivative = Images.Render(sideways, new ImageProfile { Width = 1280 }, format);
        var type = MediaSniffer.Detect(derivative)!;

        Assert.Equal(format.ContentType(), type.ContentType);
        Assert.Equal((200, 400), ImageHeader.Read(derivative, type));
        Assert.Equal(-1, derivative.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, derivative.AsSpan().IndexOf("EXIF"u8));
        Assert.Equal(-1, derivative.AsSpan().IndexOf("MM\0*"u8));
    }

    [Fact]
    public void Check_GivesTheSizeAsShown_AfterTheExifOrientation()
    {
        Assert.Equal(new ImageCheck(200, 400), Images.Check(TestFiles.JpegWithExif(400, 200)));
    }

    [Fact]
    public void Check_TruncatedJpeg_IsAnError()
    {
        Assert.NotNull(Images.Check(TestFiles.TruncatedJpeg()).Error);
    }

    [Fact]
    public void Check_PngClaimingHugeDimensions_FailsFast_WithoutAllocatingItsPixels()
    {
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var clock = Stopwatch.StartNew();

        var check = Images.Check(TestFiles.PngHeader(30_000, 30_000));

        Assert.NotNull(check.Error);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.InRange(Process.GetCurrentProcess().PeakWorkingSet64 - before, 0, 512L * 1024 * 1024);
    }

    [Fact]
    public void Check_SvgAndOtherFormatsTheSiteDoesNotTake_AreNeverDecoded()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>");
        var pgm = Encoding.ASCII.GetBytes("P5\n2 2\n255\n\0\0\0\0");

        Assert.NotNull(Images.Check(svg).Error);
        Assert.NotNull(Images.Check(pgm).Error);
        Assert.Throws<ImageProcessingException>(() => Images.Render(svg, new ImageProfile { Width = 10 }, ImageFormat.Png));
    }
}
