using SkiaSharp;

namespace CivicsClass.Media.Panoramas;

/// <summary>A wall's picture as plain pixels, sampled between pixels so text on it stays smooth in the panorama.</summary>
internal sealed class WallTexture
{
    private readonly byte[] _pixels;
    private readonly int _width;
    private readonly int _height;

    public WallTexture(SKBitmap bitmap)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException("A wall is drawn as RGBA.", nameof(bitmap));
        }

        _pixels = bitmap.GetPixelSpan().ToArray();
        (_width, _height) = (bitmap.Width, bitmap.Height);
    }

    /// <summary>The colour at (<paramref name="u"/>, <paramref name="v"/>), each from 0 (left, top) to 1.</summary>
    public SKColor Sample(double u, double v)
    {
        var x = Math.Clamp(u * _width - 0.5, 0, _width - 1.001);
        var y = Math.Clamp(v * _height - 0.5, 0, _height - 1.001);
        var (left, top) = ((int)x, (int)y);
        var (fx, fy) = (x - left, y - top);
        Span<double> channels = stackalloc double[3];
        for (var c = 0; c < 3; c++)
        {
            var a = At(left, top, c) * (1 - fx) + At(left + 1, top, c) * fx;
            var b = At(left, top + 1, c) * (1 - fx) + At(left + 1, top + 1, c) * fx;
            channels[c] = a * (1 - fy) + b * fy;
        }

        return new SKColor((byte)channels[0], (byte)channels[1], (byte)channels[2]);
    }

    private byte At(int x, int y, int channel) => _pixels[(y * _width + x) * 4 + channel];
}
