using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace CivicsClass.Testing;

/// <summary>Real files of every kind the library takes or refuses, made here rather than committed.</summary>
public static class TestFiles
{
    /// <summary>A PNG of a colour gradient (or noise, which compresses badly), encoded by hand: signature, IHDR, IDAT, IEND.</summary>
    public static byte[] Png(int width, int height, bool noise = false)
    {
        var random = new Random(width * 31 + height);
        var raw = new byte[(width * 3 + 1) * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * 3 + 1);
            for (var x = 0; x < width; x++)
            {
                var pixel = row + 1 + x * 3;
                raw[pixel] = noise ? (byte)random.Next(256) : (byte)(x * 255 / width);
                raw[pixel + 1] = noise ? (byte)random.Next(256) : (byte)(y * 255 / height);
                raw[pixel + 2] = 128;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return PngOf(width, height, compressed.ToArray());
    }

    /// <summary>Only the header of a PNG claiming this size, with a few bytes of pixel data: what a decompression bomb looks like up front.</summary>
    public static byte[] PngHeader(int width, int height) => PngOf(width, height, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);

    /// <summary>A real decompression bomb: a PNG whose pixel data is width × height of black, which deflate packs about a thousand to one.</summary>
    public static byte[] PngOfZeros(int width, int height)
    {
        var row = new byte[width * 3 + 1];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return PngOf(width, height, compressed.ToArray());
    }

    /// <summary>The PNG of <see cref="Png"/> as a JPEG, encoded by libvips as the site encodes its derivatives.</summary>
    public static byte[] Jpeg(int width, int height, bool noise = false) => Encode(Png(width, height, noise), ".jpg[Q=80,keep=none,interlace]");

    public static byte[] Webp(int width, int height) => Encode(Png(width, height), ".webp[Q=75,keep=none]");

    /// <summary>A one-pixel GIF, byte by byte.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=");

    /// <summary>A JPEG whose EXIF says "turn a quarter clockwise" (orientation 6) and carries a GPS position.</summary>
    public static byte[] JpegWithExif(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new List<byte>();
        tiff.AddRange("MM\0*"u8.ToArray());
        tiff.AddRange(BigEndian(8)); // IFD0 at offset 8
        tiff.AddRange(BigEndian16(2));
        tiff.AddRange(Entry(0x0112, 3, 1, 6 << 16)); // Orientation = 6, a SHORT left-aligned in the value field
        tiff.AddRange(Entry(0x8825, 4, 1, 8 + 2 + 2 * 12 + 4)); // GPS IFD follows IFD0
        tiff.AddRange(BigEndian(0));
        tiff.AddRange(BigEndian16(1));
        tiff.AddRange(Entry(0x0001, 2, 2, 'N' << 24)); // GPSLatitudeRef = "N"
        tiff.AddRange(BigEndian(0));
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1 }.Concat(BigEndian16(payload.Length + 2)).Concat(payload);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }

    public static byte[] Mp3(int length = 16 * 1024)
    {
        var bytes = Filler(length, 3);
        "ID3"u8.CopyTo(bytes);
        bytes[3] = 4;
        return bytes;
    }

    public static byte[] M4a(int length = 8 * 1024) => IsoMedia("M4A ", length);

    public static byte[] Mp4(int length = 64 * 1024) => IsoMedia("isom", length);

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The start of a Linux program, to be uploaded under an image's name.</summary>
    public static byte[] Executable() => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. new byte[120]];

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>");

    /// <summary>A JPEG cut off before its end, as an interrupted upload leaves it.</summary>
    public static byte[] TruncatedJpeg()
    {
        var whole = Jpeg(640, 480, noise: true);
        return whole[..(whole.Length / 2)];
    }

    private static byte[] Encode(byte[] png, string format)
    {
        using var image = Image.NewFromBuffer(png);
        return image.WriteToBuffer(format);
    }

    private static byte[] IsoMedia(string brand, int length)
    {
        var bytes = Filler(length, 7);
        BinaryPrimitives.WriteInt32BigEndian(bytes, 20);
        "ftyp"u8.CopyTo(bytes.AsSpan(4));
        Encoding.ASCII.GetBytes(brand).CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    private static byte[] Filler(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] PngOf(int width, int height, byte[] idat)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(BigEndian(data.Length));
        png.Write(typed);
        png.Write(BigEndian((int)Crc32(typed)));
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static byte[] Entry(ushort tag, ushort type, int count, int value) =>
        [.. BigEndian16(tag), .. BigEndian16(type), .. BigEndian(count), .. BigEndian(value)];

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian16(int value) => [(byte)(value >> 8), (byte)value];
}
