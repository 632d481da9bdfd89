using System.Buffers.Binary;

namespace CivicsClass.Media.Narration;

/// <summary>
/// Joins the sentences' WAV files into one, with a pause between them, and says where each sentence
/// starts and ends in the whole. Every clip must have the first one's format (one engine, one voice).
/// </summary>
internal sealed class WaveJoiner : IDisposable
{
    private const int HeaderLength = 44;
    private readonly FileStream _output;
    private WaveFormat? _format;
    private long _dataBytes;

    public WaveJoiner(string path)
    {
        _output = File.Create(path);
        _output.Write(new byte[HeaderLength]);
    }

    public double Seconds => _format is { } f ? (double)_dataBytes / f.BytesPerSecond : 0;

    /// <summary>Appends a clip; returns its start and end in seconds.</summary>
    public (double Start, double End) Append(string wavPath)
    {
        using var clip = File.OpenRead(wavPath);
        var (format, dataOffset, dataLength) = Read(clip);
        if (_format is null)
        {
            _format = format;
        }
        else if (_format != format)
        {
            throw new InvalidDataException($"The speech engine changed its audio format mid-narration ({format} after {_format}).");
        }

        var start = Seconds;
        clip.Position = dataOffset;
        var length = Math.Min(dataLength, clip.Length - dataOffset);
        length -= length % format.BlockAlign;
        CopyBytes(clip, length);
        _dataBytes += length;
        return (start, Seconds);
    }

    public void Pause(TimeSpan pause)
    {
        if (_format is not { } format)
        {
            return;
        }

        var length = (long)(pause.TotalSeconds * format.BytesPerSecond);
        length -= length % format.BlockAlign;
        _output.Write(new byte[length]);
        _dataBytes += length;
    }

    /// <summary>Writes the header now that the length is known.</summary>
    public void Finish()
    {
        var format = _format ?? throw new InvalidOperationException("No sentence was spoken.");
        Span<byte> header = stackalloc byte[HeaderLength];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + _dataBytes));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)format.BytesPerSecond);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)format.BitsPerSample);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)_dataBytes);
        _output.Position = 0;
        _output.Write(header);
        _output.Flush();
    }

    public void Dispose() => _output.Dispose();

    private void CopyBytes(Stream from, long count)
    {
        var buffer = new byte[64 * 1024];
        while (count > 0)
        {
            var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                break;
            }

            _output.Write(buffer, 0, read);
            count -= read;
        }
    }

    /// <summary>The PCM format and where the samples are, walking the RIFF chunks.</summary>
    private static (WaveFormat Format, long DataOffset, long DataLength) Read(Stream clip)
    {
        Span<byte> head = stackalloc byte[12];
        if (clip.Read(head) != 12 || !head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("The speech engine did not write a WAV file.");
        }

        WaveFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[16];
        while (clip.Read(chunk) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                clip.ReadExactly(fmt);
                if (BinaryPrimitives.ReadUInt16LittleEndian(fmt) != 1)
                {
                    throw new InvalidDataException("The speech engine's WAV is not plain PCM.");
                }

                format = new WaveFormat(BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]), (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]));
                clip.Position += size - 16 + (size & 1);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                return (format ?? throw new InvalidDataException("The WAV has samples before its format."), clip.Position, size);
            }
            else
            {
                clip.Position += size + (size & 1);
            }
        }

        throw new InvalidDataException("The speech engine's WAV has no samples.");
    }
}
