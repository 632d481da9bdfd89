using System.Runtime.InteropServices;

namespace CivicsClass.Media.Imaging;

/// <summary>
/// The few entry points of libvips' C API the site uses. libvips' functions take their options as
/// C varargs (name, value, …, NULL); on x64 Linux a variadic call passes its integer and pointer
/// arguments exactly like a fixed one, so each option list we use is declared as its own fixed
/// overload ending in a null pointer. No floating-point option is ever passed that way.
/// </summary>
internal static partial class Vips
{
    private const string Library = "libvips.so.42";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    /// <summary>VipsInteresting: where a crop keeps the picture.</summary>
    public const int InterestingNone = 0;
    public const int InterestingCentre = 1;

    /// <summary>VipsSize: only ever shrink.</summary>
    public const int SizeDown = 2;

    /// <summary>libc's <c>setenv</c>: libvips reads the process environment, which .NET's own copy does not change.</summary>
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnvironment(string name, string value, int overwrite);

    [LibraryImport(Library, EntryPoint = "vips_init", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Init(string argv0);

    [LibraryImport(Library, EntryPoint = "vips_version_string")]
    public static partial IntPtr VersionString();

    [LibraryImport(Library, EntryPoint = "vips_concurrency_set")]
    public static partial void ConcurrencySet(int concurrency);

    [LibraryImport(Library, EntryPoint = "vips_cache_set_max")]
    public static partial void CacheSetMax(int max);

    [LibraryImport(Library, EntryPoint = "vips_error_buffer")]
    public static partial IntPtr ErrorBuffer();

    [LibraryImport(Library, EntryPoint = "vips_error_clear")]
    public static partial void ErrorClear();

    /// <summary>VipsAccess: read top to bottom once, so a large image is never held whole.</summary>
    public const int AccessSequential = 1;

    /// <summary>VipsFailOn: a file that ends early is an error, not a grey band.</summary>
    public const int FailOnTruncated = 1;

    /// <summary><c>vips_image_new_from_buffer(buf, len, "", "access", a, "fail_on", f, NULL)</c>: reads the header only; pixels come later, on demand.</summary>
    [LibraryImport(Library, EntryPoint = "vips_image_new_from_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial IntPtr NewFromBuffer(byte* buffer, nuint length, string options, string accessName, int access, string failName, int fail, IntPtr end);

    /// <summary>Decodes every pixel (to average them): the way to find a file that is cut short or corrupt.</summary>
    [LibraryImport(Library, EntryPoint = "vips_avg")]
    public static partial int Average(IntPtr image, out double average, IntPtr end);

    /// <summary>True when the EXIF orientation turns the picture a quarter turn, so width and height swap on display.</summary>
    [LibraryImport(Library, EntryPoint = "vips_image_get_orientation_swap")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool OrientationSwaps(IntPtr image);

    /// <summary><c>vips_thumbnail_buffer(buf, len, &amp;out, width, "height", h, "size", s, "crop", c, NULL)</c>: shrink-on-load, autorotated.</summary>
    [LibraryImport(Library, EntryPoint = "vips_thumbnail_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int ThumbnailBuffer(byte* buffer, nuint length, out IntPtr image, int width,
        string heightName, int height, string sizeName, int size, string cropName, int crop, IntPtr end);

    [LibraryImport(Library, EntryPoint = "vips_image_write_to_buffer", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int WriteToBuffer(IntPtr image, string suffix, out IntPtr buffer, out nuint length, IntPtr end);

    [LibraryImport(Library, EntryPoint = "vips_image_get_width")]
    public static partial int Width(IntPtr image);

    [LibraryImport(Library, EntryPoint = "vips_image_get_height")]
    public static partial int Height(IntPtr image);

    /// <summary>Drops one metadata field from an image we own.</summary>
    [LibraryImport(Library, EntryPoint = "vips_image_remove", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool Remove(IntPtr image, string name);

    /// <summary>The names of an image's metadata fields, a NULL-terminated array freed with <see cref="FreeStrings"/>.</summary>
    [LibraryImport(Library, EntryPoint = "vips_image_get_fields")]
    public static partial IntPtr Fields(IntPtr image);

    [LibraryImport(GLib, EntryPoint = "g_strfreev")]
    public static partial void FreeStrings(IntPtr strings);

    [LibraryImport(GObject, EntryPoint = "g_object_unref")]
    public static partial void Unref(IntPtr instance);

    [LibraryImport(GLib, EntryPoint = "g_free")]
    public static partial void Free(IntPtr memory);

    /// <summary>Every metadata field of the image.</summary>
    public static List<string> FieldNames(IntPtr image)
    {
        var names = new List<string>();
        var array = Fields(image);
        try
        {
            for (var i = 0; Marshal.ReadIntPtr(array, i * IntPtr.Size) is var name && name != IntPtr.Zero; i++)
            {
                names.Add(Marshal.PtrToStringUTF8(name) ?? "");
            }
        }
        finally
        {
            FreeStrings(array);
        }

        return names;
    }

    /// <summary>libvips' error buffer, then cleared. The buffer is shared by all threads, so a message may mention another request's failure too.</summary>
    public static string TakeError()
    {
        var message = Marshal.PtrToStringUTF8(ErrorBuffer())?.Trim() ?? "";
        ErrorClear();
        return message;
    }
}
