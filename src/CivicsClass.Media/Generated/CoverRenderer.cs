using System.Globalization;
using SkiaSharp;

namespace CivicsClass.Media.Generated;

/// <summary>Draws covers (960 × 540, the largest card size) and portrait marks (480 × 480) as PNG.</summary>
internal sealed class CoverRenderer(CjkFonts fonts)
{
    public const int CoverWidth = 960;
    public const int CoverHeight = 540;
    public const int PortraitSize = 480;

    private const float Margin = 64;

    public byte[] Cover(CoverSpec spec)
    {
        using var surface = SKSurface.Create(new SKImageInfo(CoverWidth, CoverHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var (from, to) = Shade(CoverPalette.Pair(spec.Palette), spec.Variant);
        var angle = spec.Variant % 3;
        using (var background = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, angle == 2 ? CoverHeight : 0), new SKPoint(CoverWidth, angle == 1 ? 0 : CoverHeight), [from, to], SKShaderTileMode.Clamp),
        })
        {
            canvas.DrawRect(0, 0, CoverWidth, CoverHeight, background);
        }

        Pattern(canvas, spec.Variant / 3 % 4);
        var size = 300 + spec.Variant % 5 * 30;
        var top = (CoverHeight - size) / 2f + (spec.Variant % 7 - 3) * 18;
        canvas.Save();
        canvas.RotateDegrees((spec.Variant % 5 - 2) * 6, CoverWidth - size / 2f, CoverHeight / 2f);
        Motifs.Draw(canvas, spec.Motif, SKRect.Create(CoverWidth - size + size * 0.12f, top, size, size), SKColors.White.WithAlpha(52));
        canvas.Restore();
        using (var bar = new SKPaint { Color = CoverPalette.Gold, IsAntialias = true })
        {
            canvas.DrawRect(Margin, 118, 72, 6, bar);
        }

        if (fonts.Available)
        {
            Label(canvas, spec.Label);
            Title(canvas, spec.Title);
        }

        return Encode(surface);
    }

    public byte[] Portrait(CoverSpec spec)
    {
        using var surface = SKSurface.Create(new SKImageInfo(PortraitSize, PortraitSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(CoverPalette.Paper);
        var (from, to) = Shade(CoverPalette.Pair(spec.Palette), spec.Variant);
        const float centre = PortraitSize / 2f;
        using (var disc = new SKPaint { IsAntialias = true, Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(PortraitSize, PortraitSize), [from, to], SKShaderTileMode.Clamp) })
        {
            canvas.DrawCircle(centre, centre, centre - 8, disc);
        }

        using (var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 6, Color = CoverPalette.Gold.WithAlpha(200) })
        {
            canvas.DrawCircle(centre, centre, centre - 40, ring);
        }

        var initial = Initial(spec.Title);
        var face = fonts.Bold is { } bold && Covers(bold, initial) ? bold
            : initial.All(char.IsAsciiLetterOrDigit) ? SKTypeface.Default : null;
        if (face is not null)
        {
            using var font = new SKFont(face, 220);
            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            font.MeasureText(initial, out var bounds, paint);
            canvas.DrawText(initial, centre - bounds.MidX, centre - bounds.MidY, SKTextAlign.Left, font, paint);
        }

        return Encode(surface);
    }

    private static bool Covers(SKTypeface face, string text)
    {
        using var font = new SKFont(face);
        return font.ContainsGlyphs(text);
    }

    /// <summary>A name's first character: a Chinese surname, or a Latin initial in capitals.</summary>
    public static string Initial(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }

        var first = StringInfo.GetNextTextElement(trimmed);
        return first.ToUpperInvariant();
    }

    private void Label(SKCanvas canvas, string label)
    {
        using var font = new SKFont(fonts.Regular, 30);
        using var paint = new SKPaint { Color = CoverPalette.Gold, IsAntialias = true };
        canvas.DrawText(label, Margin, 96, SKTextAlign.Left, font, paint);
    }

    private void Title(SKCanvas canvas, string title)
    {
        const float width = CoverWidth - 2 * Margin;
        IReadOnlyList<string> lines = [];
        SKFont? font = null;
        foreach (var size in new[] { 68f, 60f, 52f })
        {
            font?.Dispose();
            font = new SKFont(fonts.Bold, size);
            var measure = font;
            lines = ChineseLineBreaker.Break(title, width, s => measure.MeasureText(s), 3);
            if (!lines[^1].EndsWith('…') || size == 52f)
            {
                break;
            }
        }

        using (font)
        using (var shadow = new SKPaint { Color = SKColors.Black.WithAlpha(56), IsAntialias = true })
        using (var paint = new SKPaint { Color = SKColors.White, IsAntialias = true })
        {
            var lineHeight = font!.Size * 1.32f;
            var baseline = CoverHeight - 76 - (lines.Count - 1) * lineHeight;
            foreach (var line in lines)
            {
                canvas.DrawText(line, Margin + 2, baseline + 3, SKTextAlign.Left, font, shadow);
                canvas.DrawText(line, Margin, baseline, SKTextAlign.Left, font, paint);
                baseline += lineHeight;
            }
        }
    }

    private static void Pattern(SKCanvas canvas, int pattern)
    {
        using var paint = new SKPaint { Color = SKColors.White.WithAlpha(18), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        switch (pattern)
        {
            case 0:
                paint.Style = SKPaintStyle.Fill;
                for (var y = 24; y < CoverHeight; y += 36)
                {
                    for (var x = 24; x < CoverWidth; x += 36)
                    {
                        canvas.DrawCircle(x, y, 3, paint);
                    }
                }

                break;
            case 1:
                for (var x = -CoverHeight; x < CoverWidth; x += 48)
                {
                    canvas.DrawLine(x, CoverHeight, x + CoverHeight, 0, paint);
                }

                break;
            case 2:
                for (var i = 0; i < 24; i++)
                {
                    var a = Math.PI * i / 24;
                    canvas.DrawLine(0, CoverHeight, (float)(1400 * Math.Cos(a)), CoverHeight - (float)(1400 * Math.Sin(a)), paint);
                }

                break;
            default:
                for (var r = 60; r < 900; r += 56)
                {
                    canvas.DrawCircle(CoverWidth, 0, r, paint);
                }

                break;
        }
    }

    /// <summary>A lighter or darker turn of the pair, so two covers of one theme differ in colour too.</summary>
    private static (SKColor, SKColor) Shade((SKColor From, SKColor To) pair, int variant)
    {
        var shift = (variant % 5 - 2) * 0.06f;
        return (Adjust(pair.From, shift), Adjust(pair.To, shift));
    }

    private static SKColor Adjust(SKColor colour, float shift)
    {
        colour.ToHsl(out var h, out var s, out var l);
        return SKColor.FromHsl(h, s, Math.Clamp(l + shift * 100, 8, 70));
    }

    /// <summary>
    /// PNG with light compression: the drawing is kept once and every profile is made from it, so
    /// drawing time matters more than a few kilobytes on disk.
    /// </summary>
    public static byte[] Encode(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels() ?? throw new InvalidOperationException("A raster surface has pixels.");
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3)) ?? throw new InvalidOperationException("PNG encoding failed.");
        return data.ToArray();
    }
}
