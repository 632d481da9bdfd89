using System.Buffers.Binary;

namespace CivicsClass.Media.Uploads;

/// <summary>
/// Whether an image file is whole, checked in managed code so a cut-off or damaged upload is refused
/// even where no image library can decode it: a PNG's chunks with their CRCs up to IEND, a JPEG's
/// segments from SOI through the scan to EOI, a GIF's blocks up to its trailer, a WebP's RIFF length
/// and chunks. Pixels are not decoded here; bytes after the end marker are tolerated, as viewers do.
/// </summary>
internal static class ImageStructure
{
    /// <summary>Null when the file is whole, otherwise what is wrong (for the log and the tests; people see one sentence).</summary>
    public static string? Check(ReadOnlySpan<byte> data, Storage.MediaType type)
    {
        if (type == Storage.MediaSniffer.Png)
        {
            return Png(data);
        }

        if (type == Storage.MediaSniffer.Jpeg)
        {
            return Jpeg(data);
        }

        if (type == Storage.MediaSniffer.Gif)
        {
            return Gif(data);
        }

        return type == Storage.MediaSniffer.Webp ? Webp(data) : null;
    }

    private static string? Png(ReadOnlySpan<byte> data)
    {
        var position = 8;
        var chunks = 0;
        var images = 0;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                return "a chunk runs past the end";
            }

            var typed = data.Slice(position + 4, 4 + (int)length);
            if (Crc32(typed) != BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]))
            {
                return "a chunk's CRC is wrong";
            }

            var name = typed[..4];
            if (chunks++ == 0 && (!name.SequenceEqual("IHDR"u8) || length != 13))
            {
                return "IHDR is not first";
            }

            images += name.SequenceEqual("IDAT"u8) ? 1 : 0;
            if (name.SequenceEqual("IEND"u8))
            {
                return images > 0 ? null : "no image data";
            }

            position += 12 + (int)length;
        }

        return "no IEND";
    }

    private static readonly uint[] s_crcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = s_crcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static string? Jpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        var frame = false;
        while (position + 2 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return "a segment does not start with a marker";
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                return frame ? null : "no frame before EOI";
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }

            if (position + 4 > data.Length)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                return "a segment runs past the end";
            }

            frame |= marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            position += 2 + length;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs to the next marker that is neither a stuffed zero nor a restart.
                while (position + 1 < data.Length && !(data[position] == 0xFF && data[position + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                {
                    position++;
                }
            }
        }

        return "no EOI";
    }

    private static string? Gif(ReadOnlySpan<byte> data)
    {
        if (data.Length < 13)
        {
            return "no screen descriptor";
        }

        var position = 13 + ColourTable(data[10]);
        var images = 0;
        while (position < data.Length)
        {
            switch (data[position])
            {
                case 0x3B:
                    return images > 0 ? null : "no image";
                case 0x21:
                    position = SubBlocks(data, position + 2);
                    break;
                case 0x2C when position + 10 < data.Length:
                    position = SubBlocks(data, position + 10 + ColourTable(data[position + 9]) + 1);
                    images++;
                    break;
                default:
                    return "an unknown block";
            }

            if (position < 0)
            {
                return "a block runs past the end";
            }
        }

        return "no trailer";

        static int ColourTable(byte flags) => (flags & 0x80) != 0 ? 3 << ((flags & 0x07) + 1) : 0;

        static int SubBlocks(ReadOnlySpan<byte> data, int position)
        {
            while (position < data.Length && data[position] != 0)
            {
                position += 1 + data[position];
            }

            return position < data.Length ? position + 1 : -1;
        }
    }

    private static string? Webp(ReadOnlySpan<byte> data)
    {
        var end = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (end > data.Length || end < 20)
        {
            return "the RIFF length runs past the end";
        }

        var position = 12L;
        var first = true;
        while (position + 8 <= end)
        {
            var name = data.Slice((int)position, 4);
            if (first && !(name.SequenceEqual("VP8 "u8) || name.SequenceEqual("VP8L"u8) || name.SequenceEqual("VP8X"u8)))
            {
                return "no VP8 chunk first";
            }

            first = false;
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[((int)position + 4)..]);
            position += 8 + size + (size & 1);
            if (position > end)
            {
                return "a chunk runs past the RIFF length";
            }
        }

        return position == end && !first ? null : "the chunks do not fill the RIFF length";
    }
}
