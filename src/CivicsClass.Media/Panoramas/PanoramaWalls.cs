using CivicsClass.Media.Generated;
using SkiaSharp;

namespace CivicsClass.Media.Panoramas;

/// <summary>
/// Draws a hall's four walls flat: cream plaster over a wooden dado, the venue's name on a red banner with its summary
/// on the front wall, and two exhibition panels on each other wall, headed in gold and set in Chinese.
/// </summary>
internal sealed class PanoramaWalls(CjkFonts fonts)
{
    private const int TextureWidth = 2048;
    private const int PanelWidth = 720;
    private const int PanelTop = 170;
    private const int PanelHeight = 470;
    private const int PanelHeader = 92;

    private static readonly SKColor s_plaster = SKColor.Parse("#efe6d8");
    private static readonly SKColor s_wood = SKColor.Parse("#6b4a32");
    private static readonly SKColor s_frame = SKColor.Parse("#7f1414");
    private static readonly SKColor s_paper = SKColor.Parse("#fbf7ef");

    public WallTextures Draw(PanoramaSpec spec, double wallMetres, double heightMetres)
    {
        var height = (int)Math.Round(TextureWidth * heightMetres / wallMetres);
        var panels = spec.Panels.Take(6).ToList();
        var (from, _) = CoverPalette.Pair(spec.Palette);
        WallTexture Wall(Action<SKCanvas> draw)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(TextureWidth, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(bitmap))
            {
                Plaster(canvas, height);
                draw(canvas);
            }

            return new WallTexture(bitmap);
        }

        return new WallTextures(
            Wall(canvas => Front(canvas, spec, from)),
            Wall(canvas => Panels(canvas, panels, 0, spec.Motif, from)),
            Wall(canvas => Panels(canvas, panels, 4, spec.Motif, from)),
            Wall(canvas => Panels(canvas, panels, 2, spec.Motif, from)));
    }

    private static void Plaster(SKCanvas canvas, int height)
    {
        using (var wall = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [s_plaster, s_plaster.WithAlpha(255), SKColor.Parse("#e2d6c2")], [0, 0.5f, 1], SKShaderTileMode.Clamp) })
        {
            canvas.DrawRect(0, 0, TextureWidth, height, wall);
        }

        using var paint = new SKPaint { Color = SKColor.Parse("#d9ccb6") };
        canvas.DrawRect(0, 0, TextureWidth, 26, paint);
        var dado = height - 154;
        paint.Color = s_wood;
        canvas.DrawRect(0, dado, TextureWidth, height - dado, paint);
        paint.Color = SKColor.Parse("#4a3020");
        canvas.DrawRect(0, dado - 8, TextureWidth, 8, paint);
        for (var x = 128; x < TextureWidth; x += 256)
        {
            canvas.DrawRect(x, dado + 12, 3, height - dado - 24, paint);
        }
    }

    private void Front(SKCanvas canvas, PanoramaSpec spec, SKColor red)
    {
        Spotlight(canvas, TextureWidth / 2f, 60, 900);
        var banner = SKRect.Create(324, 110, 1400, 180);
        using (var paint = new SKPaint { Color = red, IsAntialias = true })
        {
            canvas.DrawRoundRect(banner, 10, 10, paint);
            paint.Color = CoverPalette.Gold;
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 6;
            canvas.DrawRoundRect(SKRect.Inflate(banner, -12, -12), 6, 6, paint);
        }

        var summary = SKRect.Create(424, 400, 1200, 270);
        Frame(canvas, summary);
        if (!fonts.Available)
        {
            return;
        }

        Fitted(canvas, spec.Title, banner, fonts.Bold!, 108, CoverPalette.Gold);
        using (var font = new SKFont(fonts.Regular, 44))
        using (var paint = new SKPaint { Color = s_frame, IsAntialias = true })
        {
            canvas.DrawText(spec.Label, TextureWidth / 2f, 362, SKTextAlign.Center, font, paint);
        }

        if (spec.Summary is { Length: > 0 } text)
        {
            Lines(canvas, text, SKRect.Inflate(summary, -40, -34), 40, 4);
        }
    }

    private void Panels(SKCanvas canvas, IReadOnlyList<PanoramaPanel> panels, int first, string motif, SKColor red)
    {
        for (var slot = 0; slot < 2; slot++)
        {
            var box = SKRect.Create(224 + slot * 880, PanelTop, PanelWidth, PanelHeight);
            Spotlight(canvas, box.MidX, 40, 620);
            Frame(canvas, box);
            var header = new SKRect(box.Left, box.Top, box.Right, box.Top + PanelHeader);
            using (var paint = new SKPaint { Color = red, IsAntialias = true })
            {
                canvas.DrawRect(header, paint);
            }

            var body = new SKRect(box.Left + 34, header.Bottom + 30, box.Right - 34, box.Bottom - 24);
            if (first + slot < panels.Count && fonts.Available)
            {
                Fitted(canvas, panels[first + slot].Heading, SKRect.Inflate(header, -24, 0), fonts.Bold!, 56, CoverPalette.Gold);
                Lines(canvas, panels[first + slot].Text, body, 38, 5);
            }
            else
            {
                var size = Math.Min(body.Width, body.Height) * 0.9f;
                Motifs.Draw(canvas, motif, SKRect.Create(body.MidX - size / 2, body.MidY - size / 2, size, size), red.WithAlpha(150));
            }
        }
    }

    private static void Frame(SKCanvas canvas, SKRect box)
    {
        using var paint = new SKPaint { Color = SKColors.Black.WithAlpha(40), IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 10) };
        canvas.DrawRect(SKRect.Create(box.Left + 8, box.Top + 12, box.Width, box.Height), paint);
        paint.MaskFilter = null;
        paint.Color = s_frame;
        canvas.DrawRect(SKRect.Inflate(box, 10, 10), paint);
        paint.Color = s_paper;
        canvas.DrawRect(box, paint);
    }

    private static void Spotlight(SKCanvas canvas, float x, float y, float radius)
    {
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateRadialGradient(new SKPoint(x, y), radius, [SKColors.White.WithAlpha(120), SKColors.White.WithAlpha(0)], SKShaderTileMode.Clamp),
        };
        canvas.DrawCircle(x, y, radius, paint);
    }

    /// <summary>One line centred in <paramref name="box"/>, made smaller until it fits.</summary>
    private static void Fitted(SKCanvas canvas, string text, SKRect box, SKTypeface face, float size, SKColor colour)
    {
        using var font = new SKFont(face, size);
        while (font.MeasureText(text) > box.Width && font.Size > 24)
        {
            font.Size -= 4;
        }

        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        var line = ChineseLineBreaker.Break(text, box.Width, s => font.MeasureText(s), 1)[0];
        canvas.DrawText(line, box.MidX, box.MidY + font.Size * 0.36f, SKTextAlign.Center, font, paint);
    }

    private void Lines(SKCanvas canvas, string text, SKRect box, float size, int maxLines)
    {
        using var font = new SKFont(fonts.Regular, size);
        using var paint = new SKPaint { Color = CoverPalette.Ink, IsAntialias = true };
        var baseline = box.Top + size;
        foreach (var line in ChineseLineBreaker.Break(text, box.Width, s => font.MeasureText(s), maxLines))
        {
            canvas.DrawText(line, box.Left, baseline, SKTextAlign.Left, font, paint);
            baseline += size * 1.45f;
        }
    }
}
