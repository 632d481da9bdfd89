using System.Buffers.Binary;

namespace CivicsClass.Media.Uploads;

/// <summary>
/// An image's width and height read from its header, without decoding a pixel: a file claiming
/// 30 000 × 30 000 is refused before anything allocates room for it.
/// </summary>
internal static class ImageHeader
{
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> data, Storage.MediaType type)
    {
        if (type == Storage.MediaSniffer.Png)
        {
            return data.Length >= 24 && data[12..16].SequenceEqual("IHDR"u8)
                ? ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[20..]), int.MaxValue))
                : null;
        }

        if (type == Storage.MediaSniffer.Gif)
        {
            return data.Length >= 10 ? (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..])) : null;
        }

        if (type == Storage.MediaSniffer.Webp)
        {
            return Webp(data);
        }

        return type == Storage.MediaSniffer.Jpeg ? Jpeg(data) : null;
    }

    private static (int, int)? Webp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return null;
        }

        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + (data[24] | data[25] << 8 | data[26] << 16), 1 + (data[27] | data[28] << 8 | data[29] << 16));
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        return chunk.SequenceEqual("VP8 "u8)
            ? (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF)
            : null;
    }

    /// <summary>Walks the markers to the first start-of-frame, which holds the size.</summary>
    private static (int, int)? Jpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 9 < data.Length)
        {
            if (data[position] != 0xFF)
            {
                return null;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]));
            }

            position += 2 + length;
        }

        return null;
    }
}
