using System.Buffers.Binary;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Media.Tests.Uploads;

/// <summary>A whole image passes the managed structure check; one cut off or damaged anywhere does not.</summary>
public sealed class ImageStructureTests
{
    public static TheoryData<string> Kinds => ["png", "jpeg", "jpeg-exif", "gif", "webp"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WholeImage_Passes(string kind)
    {
        var (bytes, type) = Image(kind);

        Assert.Null(ImageStructure.Check(bytes, type));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TruncatedImage_AtAnyLength_IsRefused(string kind)
    {
        var (bytes, type) = Image(kind);

        foreach (var length in new[] { 20, bytes.Length / 3, bytes.Length / 2, bytes.Length - 3, bytes.Length - 1 }.Where(l => l > 12))
        {
            Assert.NotNull(ImageStructure.Check(bytes.AsSpan(0, length), type));
        }
    }

    [Fact]
    public void Png_WithAFlippedByte_FailsItsCrc()
    {
        var png = TestFiles.Png(32, 32);
        png[50] ^= 0x40;

        Assert.Equal("a chunk's CRC is wrong", ImageStructure.Check(png, MediaSniffer.Png));
    }

    [Fact]
    public void Jpeg_WithASegmentLongerThanTheFile_IsRefused()
    {
        var jpeg = TestFiles.Jpeg(32, 32);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(4), 0xFFF0); // the first segment after SOI claims 65 520 bytes

        Assert.Equal("a segment runs past the end", ImageStructure.Check(jpeg, MediaSniffer.Jpeg));
    }

    [Fact]
    public void Webp_ClaimingMoreThanItHas_IsRefused()
    {
        var webp = TestFiles.Webp(32, 32);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), (uint)webp.Length);

        Assert.Equal("the RIFF length runs past the end", ImageStructure.Check(webp, MediaSniffer.Webp));
    }

    [Fact]
    public void Gif_WithoutItsTrailer_IsRefused()
    {
        var gif = TestFiles.Gif();

        Assert.Equal("no trailer", ImageStructure.Check(gif.AsSpan(0, gif.Length - 1), MediaSniffer.Gif));
    }

    [Theory]
    [InlineData("photo\u202Egpj.exe", "photogpj.exe")]
    [InlineData("\u2067报告\u2069.pdf", "报告.pdf")]
    [InlineData("a\u0000b\u001b[31m.png", "ab[31m.png")]
    [InlineData("..\\..\\etc/passwd\u200F", "passwd")]
    [InlineData("\u202E\u200B", "未命名")]
    public void DisplayName_KeepsNoControlOrDirectionCharacters(string uploaded, string kept)
    {
        Assert.Equal(kept, MediaUploads.DisplayName(uploaded));
    }

    private static (byte[] Bytes, MediaType Type) Image(string kind) => kind switch
    {
        "png" => (TestFiles.Png(48, 32), MediaSniffer.Png),
        "jpeg" => (TestFiles.Jpeg(48, 32, noise: true), MediaSniffer.Jpeg),
        "jpeg-exif" => (TestFiles.JpegWithExif(48, 32), MediaSniffer.Jpeg),
        "gif" => (TestFiles.Gif(), MediaSniffer.Gif),
        "webp" => (TestFiles.Webp(48, 32), MediaSniffer.Webp),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
