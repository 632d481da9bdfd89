using System.Runtime.InteropServices;

namespace CivicsClass.Media.Imaging;

/// <summary>Images through libvips: shrink-on-load thumbnails, autorotated, written without metadata.</summary>
public sealed class VipsImageProcessor : IImageProcessor
{
    /// <summary>Taller than any long image needs: a profile without a height keeps the width and its proportions.</summary>
    private const int Unbounded = 10_000_000;


    private VipsImageProcessor(string version) => Description = "libvips " + version;

    public bool IsAvailable => true;

    public string Description { get; }

    /// <summary>libvips is started once per process, whatever the number of hosts in it (tests start several at once).</summary>
    private static readonly Lazy<IImageProcessor> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>libvips when it can be loaded and started; otherwise the processor that serves originals, saying why.</summary>
    public static IImageProcessor Create() => Started.Value;

    private static IImageProcessor Start()
    {
        try
        {
            // libvips looks for its loadable modules (ImageMagick, OpenSlide, Poppler, HEIF, JPEG XL) under
            // $VIPSHOME/lib; pointing it at a folder without them keeps out formats the site does not take,
            // and OpenSlide's system SQLite, which would otherwise displace the site's own SQLite in-process.
            Vips.SetEnvironment("VIPSHOME", Path.Combine(AppContext.BaseDirectory, "no-vips-modules"), 1);
            if (Vips.Init("civicsclass") != 0)
            {
                return new NoImageProcessor("libvips 无法启动：" + Vips.TakeError());
            }

            // A few threads per image, and no operation cache: each derivative is made once and kept on
            // disk, and a cached operation would hold on to a buffer that .NET has already let go.
            Vips.ConcurrencySet(Math.Min(Environment.ProcessorCount, 4));
            Vips.CacheSetMax(0);
            return new VipsImageProcessor(Marshal.PtrToStringUTF8(Vips.VersionString()) ?? "?");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new NoImageProcessor("未安装 libvips（Debian 软件包 libvips42），图片按原图提供");
        }
    }

    public unsafe ImageCheck Check(byte[] image)
    {
        fixed (byte* buffer = image)
        {
            var loaded = Vips.NewFromBuffer(buffer, (nuint)image.Length, "", "access", Vips.AccessSequential, "fail_on", Vips.FailOnTruncated, IntPtr.Zero);
            if (loaded == IntPtr.Zero)
            {
                return new ImageCheck(0, 0, Vips.TakeError());
            }

            try
            {
                var (width, height) = (Vips.Width(loaded), Vips.Height(loaded));
                if (Vips.OrientationSwaps(loaded))
                {
                    (width, height) = (height, width);
                }

                return Vips.Average(loaded, out _, IntPtr.Zero) == 0 ? new ImageCheck(width, height) : new ImageCheck(width, height, Vips.TakeError());
            }
            finally
            {
                Vips.Unref(loaded);
            }
        }
    }

    public unsafe byte[] Render(byte[] image, ImageProfile profile, ImageFormat format)
    {
        // libvips reads the buffer lazily, while writing the result: it stays pinned until then.
        fixed (byte* buffer = image)
        {
            var crop = profile.Crop && profile.Height is not null ? Vips.InterestingCentre : Vips.InterestingNone;
            if (Vips.ThumbnailBuffer(buffer, (nuint)image.Length, out var thumbnail, profile.Width, "height", profile.Height ?? Unbounded,
                    "size", Vips.SizeDown, "crop", crop, IntPtr.Zero) != 0)
            {
                throw new ImageProcessingException(Vips.TakeError());
            }

            try
            {
                // strip alone is not enough: libvips 8.14's WebP writer rebuilds EXIF from the parsed fields.
                foreach (var field in Vips.FieldNames(thumbnail).Where(IsMetadata))
                {
                    Vips.Remove(thumbnail, field);
                }

                if (Vips.WriteToBuffer(thumbnail, Suffix(format), out var output, out var length, IntPtr.Zero) != 0)
                {
                    throw new ImageProcessingException(Vips.TakeError());
                }

                try
                {
                    var bytes = new Span<byte>((void*)output, checked((int)length)).ToArray();
                    return format == ImageFormat.Webp ? WebpChunks.WithoutMetadata(bytes) : bytes;
                }
                finally
                {
                    Vips.Free(output);
                }
            }
            finally
            {
                Vips.Unref(thumbnail);
            }
        }
    }

    /// <summary>Camera and editing metadata, the GPS position included (EXIF holds it), and colour profiles (pixels are sRGB by now).</summary>
    private static bool IsMetadata(string field) =>
        field.StartsWith("exif-", StringComparison.Ordinal) || field.StartsWith("xmp-", StringComparison.Ordinal)
        || field.StartsWith("iptc-", StringComparison.Ordinal) || field.StartsWith("icc-", StringComparison.Ordinal) || field == "orientation";

    // strip drops EXIF (with GPS), XMP, IPTC and ICC; thumbnail has already turned the pixels upright and made them sRGB.
    private static string Suffix(ImageFormat format) => format switch
    {
        ImageFormat.Webp => ".webp[Q=75,strip]",
        ImageFormat.Png => ".png[compression=6,strip]",
        _ => ".jpg[Q=80,strip,interlace]",
    };
}

public sealed class ImageProcessingException(string message) : Exception(message);
