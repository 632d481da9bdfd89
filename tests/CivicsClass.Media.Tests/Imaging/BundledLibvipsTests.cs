using CivicsClass.Media.Imaging;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Media.Tests.Imaging;

/// <summary>Images are made by the libvips that NetVips.Native ships beside the program, not by any the machine may have installed.</summary>
public sealed class BundledLibvipsTests
{
    [Fact]
    public void Processor_IsTheBundledLibvips_LoadedFromBesideTheProgram()
    {
        var images = VipsImageProcessor.Create();
        var loaded = File.ReadLines("/proc/self/maps").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).StartsWith("libvips.so", StringComparison.Ordinal))
            .Select(fields => fields[5]).Distinct().ToList();

        Assert.True(images.IsAvailable, images.Description);
        Assert.StartsWith("libvips 8.18.", images.Description, StringComparison.Ordinal);
        Assert.Equal((8, 18), (NetVips.NetVips.Version(0), NetVips.NetVips.Version(1)));
        Assert.True(NetVips.ModuleInitializer.VipsInitialized);
        var path = Assert.Single(loaded);
        Assert.StartsWith(Path.Combine(AppContext.BaseDirectory, "runtimes"), path, StringComparison.Ordinal);
    }

    [Fact]
    public void Jpeg_ToWebp_IsADecodableWebpOfTheProfilesSize()
    {
        var images = VipsImageProcessor.Create();
        var jpeg = TestFiles.Jpeg(1600, 1200, noise: true);

        var webp = images.Render(jpeg, new ImageProfile { Width = 480, Height = 270, Crop = true }, ImageFormat.Webp);
        using var decoded = NetVips.Image.NewFromBuffer(webp, failOn: NetVips.Enums.FailOn.Error);

        Assert.Same(MediaSniffer.Webp, MediaSniffer.Detect(webp));
        Assert.Equal((480, 270), ImageHeader.Read(webp, MediaSniffer.Webp));
        Assert.Equal("webpload_buffer", decoded.Get("vips-loader"));
        Assert.Equal((480, 270), (decoded.Width, decoded.Height));
        Assert.InRange(decoded.Avg(), 1, 254);
        Assert.Null(ImageStructure.Check(webp, MediaSniffer.Webp));
    }
}
