using System.Reflection;
using CivicsClass.Media.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace CivicsClass.Benchmarks.Imaging;

/// <summary>
/// The site's image work done by ImageSharp 2.1, as a site built on it would do it: decode, turn
/// upright, resize (the default bicubic sampler), drop metadata, encode at the site's qualities.
/// Measured only, beside libvips; the site does not use it.
/// </summary>
internal sealed class ImageSharpImageProcessor : IImageProcessor
{
    private const int Unbounded = 10_000_000;

    public bool IsAvailable => true;

    /// <summary>The package's version: the assembly version stays at 2.0.0 for every 2.x release.</summary>
    public string Description => "ImageSharp " + typeof(Image).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    public ImageCheck Check(byte[] image)
    {
        try
        {
            using var loaded = Image.Load(image);
            return new ImageCheck(loaded.Width, loaded.Height);
        }
        catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or InvalidOperationException
            or OutOfMemoryException or ArgumentException)
        {
            return new ImageCheck(0, 0, e.GetType().Name + ": " + e.Message);
        }
    }

    public byte[] Render(byte[] image, ImageProfile profile, ImageFormat format)
    {
        using var loaded = Image.Load(image);
        var crop = profile.Crop && profile.Height is not null;
        loaded.Mutate(x => x.AutoOrient().Resize(new ResizeOptions
        {
            Size = new Size(profile.Width, profile.Height ?? Unbounded),
            Mode = crop ? ResizeMode.Crop : ResizeMode.Max,
        }));
        loaded.Metadata.ExifProfile = null;
        loaded.Metadata.IccProfile = null;
        loaded.Metadata.XmpProfile = null;
        loaded.Metadata.IptcProfile = null;
        using var output = new MemoryStream();
        loaded.Save(output, Encoder(format));
        return output.ToArray();
    }

    private static IImageEncoder Encoder(ImageFormat format) => format switch
    {
        ImageFormat.Webp => new WebpEncoder { Quality = 75 },
        ImageFormat.Png => new PngEncoder { CompressionLevel = PngCompressionLevel.Level6 },
        _ => new JpegEncoder { Quality = 80 },
    };
}
