using NetVips;

namespace CivicsClass.Media.Imaging;

/// <summary>
/// Images through libvips (NetVips, with the libvips that NetVips.Native bundles): shrink-on-load
/// thumbnails, autorotated, written without metadata.
/// </summary>
internal sealed class VipsImageProcessor : IImageProcessor
{
    /// <summary>Taller than any long image needs: a profile without a height keeps the width and its proportions.</summary>
    private const int Unbounded = 10_000_000;

    /// <summary>The only loaders left open: the image types uploads are taken in (see <see cref="Storage.MediaSniffer"/>).</summary>
    private static readonly string[] Loaders = ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif"];

    /// <summary>libvips is set up once per process, whatever the number of hosts in it (tests start several at once).</summary>
    private static readonly Lazy<IImageProcessor> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private VipsImageProcessor(string version) => Description = "libvips " + version;

    public bool IsAvailable => true;

    public string Description { get; }

    /// <summary>libvips when it can be loaded and started; otherwise the processor that serves originals, saying why.</summary>
    public static IImageProcessor Create() => Started.Value;

    private static IImageProcessor Start()
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized)
            {
                return new NoImageProcessor("libvips 无法加载，图片按原图提供：" + (ModuleInitializer.Exception?.Message ?? "原因不明"));
            }

            // Every loader is shut but those of the types we accept, so a file that only claims to be an
            // image never reaches the SVG, TIFF, HEIF or PDF code; untrusted loaders stay blocked too.
            NetVips.NetVips.BlockUntrusted = true;
            Operation.Block("VipsForeignLoad", true);
            foreach (var loader in Loaders)
            {
                Operation.Block(loader, false);
            }

            // A few threads per image, and no operation cache: each derivative is made once and kept on disk.
            NetVips.NetVips.Concurrency = Math.Min(Environment.ProcessorCount, 4);
            Cache.Max = 0;
            return new VipsImageProcessor($"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or VipsException)
        {
            return new NoImageProcessor("libvips 无法启动，图片按原图提供：" + e.Message);
        }
    }

    public ImageCheck Check(byte[] image)
    {
        try
        {
            // Sequential: read top to bottom once, so a large image is never held whole; a file that ends early is an error, not a grey band.
            using var loaded = Image.NewFromBuffer(image, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            var (width, height) = OrientationSwaps(loaded) ? (loaded.Height, loaded.Width) : (loaded.Width, loaded.Height);
            try
            {
                // Averaging decodes every pixel: the way to find a file that is cut short or corrupt.
                loaded.Avg();
                return new ImageCheck(width, height);
            }
            catch (VipsException e)
            {
                return new ImageCheck(width, height, e.Message);
            }
        }
        catch (VipsException e)
        {
            return new ImageCheck(0, 0, e.Message);
        }
    }

    public byte[] Render(byte[] image, ImageProfile profile, ImageFormat format)
    {
        try
        {
            var crop = profile.Crop && profile.Height is not null ? Enums.Interesting.Centre : Enums.Interesting.None;
            using var thumbnail = Image.ThumbnailBuffer(image, profile.Width, height: profile.Height ?? Unbounded, size: Enums.Size.Down, crop: crop);
            return thumbnail.WriteToBuffer(Suffix(format));
        }
        catch (VipsException e)
        {
            throw new ImageProcessingException(e.Message);
        }
    }

    /// <summary>Orientations 5 to 8 turn the picture a quarter turn, so width and height swap on display.</summary>
    private static bool OrientationSwaps(Image image) =>
        image.Contains("orientation") && image.Get("orientation") is int orientation && orientation is >= 5 and <= 8;

    // keep=none drops EXIF (with GPS), XMP, IPTC and ICC; thumbnail has already turned the pixels upright and made them sRGB.
    private static string Suffix(ImageFormat format) => format switch
    {
        ImageFormat.Webp => ".webp[Q=75,keep=none]",
        ImageFormat.Png => ".png[compression=6,keep=none]",
        _ => ".jpg[Q=80,keep=none,interlace]",
    };
}
