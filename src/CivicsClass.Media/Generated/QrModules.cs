using QRCoder;
using SkiaSharp;

namespace CivicsClass.Media.Generated;

/// <summary>
/// A QR code drawn module by module, made by QRCoder as the course certificates' codes are, with the
/// same error correction (M) and the four-module quiet zone a phone's camera needs.
/// </summary>
internal static class QrModules
{
    /// <summary>Draws the code for <paramref name="text"/> in a square at (<paramref name="x"/>, <paramref name="y"/>) at most <paramref name="size"/> wide; returns the side drawn.</summary>
    public static float Draw(SKCanvas canvas, string text, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var count = modules.Count;
        var module = MathF.Floor(size / count);
        using var white = new SKPaint { Color = SKColors.White };
        using var black = new SKPaint { Color = SKColors.Black };
        canvas.DrawRect(x, y, module * count, module * count, white);
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                if (modules[row][column])
                {
                    canvas.DrawRect(x + column * module, y + row * module, module, module, black);
                }
            }
        }

        return module * count;
    }
}
