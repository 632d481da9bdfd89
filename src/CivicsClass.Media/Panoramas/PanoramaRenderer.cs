using System.Runtime.InteropServices;
using CivicsClass.Media.Generated;
using SkiaSharp;

namespace CivicsClass.Media.Panoramas;

/// <summary>
/// Draws an equirectangular (2:1) panorama of an exhibition hall by casting a ray for every pixel into a box-shaped
/// room: walls textured with panels drawn by <see cref="PanoramaWalls"/>, a stone floor with a red carpet and a
/// ceiling of light panels. The image's centre (yaw 0) faces the front wall with the venue's name.
/// </summary>
internal sealed class PanoramaRenderer(PanoramaWalls walls)
{
    public const int Width = 4096;
    public const int Height = Width / 2;

    // The room in metres around the eye: 12 × 12 m, eye 1.6 m above the floor, ceiling 5 m high.
    private const double Half = 6;
    private const double Floor = -1.6;
    private const double Ceiling = 3.4;

    public byte[] Render(PanoramaSpec spec)
    {
        var textures = walls.Draw(spec, Half * 2, Ceiling - Floor);
        var pixels = new byte[Width * Height * 4];
        Parallel.For(0, Height, row =>
        {
            var latitude = (0.5 - (row + 0.5) / Height) * Math.PI;
            var (sinLat, cosLat) = Math.SinCos(latitude);
            for (var column = 0; column < Width; column++)
            {
                var longitude = ((column + 0.5) / Width - 0.5) * 2 * Math.PI;
                var (sinLon, cosLon) = Math.SinCos(longitude);
                var colour = Trace(sinLon * cosLat, sinLat, cosLon * cosLat, textures);
                var offset = (row * Width + column) * 4;
                pixels[offset] = colour.Red;
                pixels[offset + 1] = colour.Green;
                pixels[offset + 2] = colour.Blue;
                pixels[offset + 3] = 255;
            }
        });

        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("PNG encoding failed.");
        return data.ToArray();
    }

    /// <summary>The colour seen along a direction: x to the right of the front wall, y up, z towards it.</summary>
    private static SKColor Trace(double x, double y, double z, WallTextures textures)
    {
        var toSide = Math.Abs(x) > 1e-9 ? Half / Math.Abs(x) : double.MaxValue;
        var toEnd = Math.Abs(z) > 1e-9 ? Half / Math.Abs(z) : double.MaxValue;
        var toFlat = y < -1e-9 ? Floor / y : y > 1e-9 ? Ceiling / y : double.MaxValue;
        var distance = Math.Min(toFlat, Math.Min(toSide, toEnd));
        var (px, py, pz) = (x * distance, y * distance, z * distance);
        SKColor colour;
        if (distance == toFlat)
        {
            colour = y < 0 ? FloorAt(px, pz, distance) : CeilingAt(px, pz);
        }
        else
        {
            var v = (Ceiling - py) / (Ceiling - Floor);
            colour = distance == toEnd
                ? z > 0 ? textures.Front.Sample((px + Half) / (2 * Half), v) : textures.Back.Sample((Half - px) / (2 * Half), v)
                : x > 0 ? textures.Right.Sample((Half - pz) / (2 * Half), v) : textures.Left.Sample((pz + Half) / (2 * Half), v);
        }

        // Farther surfaces and corners are a little darker, which gives the room its depth.
        var corner = Math.Min(Half - Math.Abs(px), Half - Math.Abs(pz));
        var shade = Math.Clamp(1.08 - distance * 0.022, 0.7, 1) * (corner < 0.8 ? 0.86 + 0.14 * corner / 0.8 : 1);
        return Scale(colour, shade);
    }

    private static SKColor FloorAt(double x, double z, double distance)
    {
        // A red carpet leads from in front of the visitor to the front wall.
        if (Math.Abs(x) < 0.8 && z > 1)
        {
            var edge = Math.Abs(x) > 0.7 ? 0.8 : 1;
            return Scale(new SKColor(160, 28, 32), edge);
        }

        // Stone tiles of 1.2 m whose grout fades with distance, so far tiles do not shimmer.
        var u = Fraction(x / 1.2);
        var w = Fraction(z / 1.2);
        var grout = (u < 0.02 || w < 0.02) ? Math.Clamp(1 - distance / 14, 0, 1) : 0;
        var tone = ((int)Math.Floor(x / 1.2) + (int)Math.Floor(z / 1.2)) % 2 == 0 ? 0 : 10;
        return Scale(new SKColor((byte)(214 - tone), (byte)(204 - tone), (byte)(188 - tone)), 1 - 0.35 * grout);
    }

    private static SKColor CeilingAt(double x, double z)
    {
        var u = Fraction((x + Half) / 3);
        var w = Fraction((z + Half) / 3);
        return u is > 0.3 and < 0.7 && w is > 0.3 and < 0.7 ? new SKColor(255, 252, 240) : new SKColor(232, 226, 214);
    }

    private static double Fraction(double value) => value - Math.Floor(value);

    private static SKColor Scale(SKColor colour, double factor) =>
        new((byte)Math.Clamp(colour.Red * factor, 0, 255), (byte)Math.Clamp(colour.Green * factor, 0, 255), (byte)Math.Clamp(colour.Blue * factor, 0, 255));
}
