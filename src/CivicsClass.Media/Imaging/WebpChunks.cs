using System.Buffers.Binary;

namespace CivicsClass.Media.Imaging;

/// <summary>
/// Takes the EXIF and XMP chunks out of a WebP file. libvips 8.14's WebP writer adds an EXIF block
/// even when told to strip metadata; this leaves only the picture.
/// </summary>
internal static class WebpChunks
{
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    public static byte[] WithoutMetadata(byte[] webp)
    {
        if (webp.Length < 20 || !webp.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !webp.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return webp;
        }

        using var output = new MemoryStream(webp.Length);
        output.Write(webp, 0, 12);
        for (var position = 12; position + 8 <= webp.Length;)
        {
            var fourCc = webp.AsSpan(position, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(position + 4));
            var total = 8 + size + (size & 1);
            if (position + total > webp.Length)
            {
                return webp;
            }

            if (!fourCc.SequenceEqual("EXIF"u8) && !fourCc.SequenceEqual("XMP "u8))
            {
                var start = (int)output.Position;
                output.Write(webp, position, total);
                if (fourCc.SequenceEqual("VP8X"u8))
                {
                    output.GetBuffer()[start + 8] &= unchecked((byte)~(ExifFlag | XmpFlag));
                }
            }

            position += total;
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
