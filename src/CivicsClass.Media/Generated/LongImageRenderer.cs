using SkiaSharp;

namespace CivicsClass.Media.Generated;

/// <summary>
/// Draws a lesson's long image (长图), 750 px wide as chat apps show them: a header with the title and the
/// lecturer, the key points, the first quiz question as a teaser, and a QR code that opens the lesson.
/// The page is laid out once to learn its height and then drawn.
/// </summary>
internal sealed class LongImageRenderer(CjkFonts fonts)
{
    public const int Width = 750;
    private const float Pad = 48;
    private const float Inner = Width - 2 * Pad;
    private const float QrSize = 230;

    private static readonly SKColor Muted = SKColor.Parse("#5c5c5c");
    private static readonly string[] s_letters = ["A", "B", "C", "D", "E", "F", "G", "H"];

    public byte[] Render(LongImageSpec spec)
    {
        var height = (int)Math.Ceiling(Layout(null, spec));
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Layout(surface.Canvas, spec);
        return CoverRenderer.Encode(surface);
    }

    /// <summary>Lays the page out and, given a canvas, draws it; returns the page's height.</summary>
    private float Layout(SKCanvas? canvas, LongImageSpec spec)
    {
        canvas?.Clear(CoverPalette.Paper);
        var y = Header(canvas, spec);
        y += 40;
        if (spec.KeyPoints.Count > 0)
        {
            y = Heading(canvas, "本课要点", y);
            using var number = Paint(SKColors.White);
            using var disc = Paint(CoverPalette.Red);
            using var ink = Paint(CoverPalette.Ink);
            for (var i = 0; i < spec.KeyPoints.Count; i++)
            {
                canvas?.DrawCircle(Pad + 18, y + 22, 18, disc);
                Text(canvas, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), fonts.Bold, 22, number, Pad + 18, y + 30, 40, 1, 30, SKTextAlign.Center);
                y += Text(canvas, spec.KeyPoints[i], fonts.Regular, 30, ink, Pad + 56, y + 32, Inner - 56, 3, 44) + 20;
            }
        }

        if (spec.QuizQuestion is { } question)
        {
            y = Quiz(canvas, question, spec.QuizOptions, y + 24);
        }

        return Footer(canvas, spec, y + 40);
    }

    private float Header(SKCanvas? canvas, LongImageSpec spec)
    {
        var headerHeight = HeaderText(null, spec) + 40;
        if (canvas is null)
        {
            return headerHeight;
        }

        var (from, to) = CoverPalette.Pair(spec.Palette);
        using (var background = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width, headerHeight), [from, to], SKShaderTileMode.Clamp) })
        {
            canvas.DrawRect(0, 0, Width, headerHeight, background);
        }

        Motifs.Draw(canvas, spec.Motif, SKRect.Create(Width - 300, headerHeight - 320, 340, 340), SKColors.White.WithAlpha(40));
        HeaderText(canvas, spec);
        return headerHeight;
    }

    private float HeaderText(SKCanvas? canvas, LongImageSpec spec)
    {
        using var gold = Paint(CoverPalette.Gold);
        using var white = Paint(SKColors.White);
        using var soft = Paint(SKColors.White.WithAlpha(220));
        var y = 64f;
        y += Text(canvas, spec.SiteName, fonts.Regular, 26, gold, Pad, y + 26, Inner, 1, 36) + 28;
        y += Text(canvas, spec.Title, fonts.Bold, 54, white, Pad, y + 54, Inner, 4, 72) + 12;
        if (spec.Summary is { } summary)
        {
            y += Text(canvas, summary, fonts.Regular, 28, soft, Pad, y + 28, Inner, 4, 44) + 16;
        }

        if (spec.Lecturer is { } lecturer)
        {
            var line = spec.LecturerCategory is { } category ? $"主讲  {lecturer} · {category}" : $"主讲  {lecturer}";
            y += Text(canvas, line, fonts.Bold, 30, gold, Pad, y + 36, Inner, 1, 52);
        }

        return y;
    }

    private float Heading(SKCanvas? canvas, string text, float y)
    {
        using var red = Paint(CoverPalette.Red);
        canvas?.DrawRect(Pad, y + 6, 8, 36, red);
        Text(canvas, text, fonts.Bold, 36, red, Pad + 22, y + 38, Inner, 1, 48);
        return y + 72;
    }

    private float Quiz(SKCanvas? canvas, string question, IReadOnlyList<string> options, float top)
    {
        var body = QuizBody(null, question, options, top);
        using (var card = Paint(SKColors.White))
        using (var border = new SKPaint { Color = CoverPalette.Red.WithAlpha(120), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 })
        {
            canvas?.DrawRoundRect(Pad - 8, top, Inner + 16, body - top, 18, 18, card);
            canvas?.DrawRoundRect(Pad - 8, top, Inner + 16, body - top, 18, 18, border);
        }

        return QuizBody(canvas, question, options, top);
    }

    private float QuizBody(SKCanvas? canvas, string question, IReadOnlyList<string> options, float top)
    {
        using var ink = Paint(CoverPalette.Ink);
        using var muted = Paint(Muted);
        var y = Heading(canvas, "考考你", top + 24);
        y += Text(canvas, question, fonts.Bold, 30, ink, Pad + 16, y + 30, Inner - 32, 4, 44) + 16;
        for (var i = 0; i < options.Count && i < s_letters.Length; i++)
        {
            y += Text(canvas, $"{s_letters[i]}. {options[i]}", fonts.Regular, 28, ink, Pad + 16, y + 28, Inner - 32, 2, 42) + 10;
        }

        y += Text(canvas, "扫码进入课程，学完再来作答", fonts.Regular, 24, muted, Pad + 16, y + 34, Inner - 32, 1, 40) + 24;
        return y;
    }

    private float Footer(SKCanvas? canvas, LongImageSpec spec, float y)
    {
        var size = QrSize;
        if (canvas is not null)
        {
            using var card = Paint(SKColors.White);
            canvas.DrawRoundRect(Pad - 8, y, Inner + 16, size + 48, 18, 18, card);
            size = QrModules.Draw(canvas, spec.Url, Pad + 16, y + 24, QrSize);
            using var red = Paint(CoverPalette.Red);
            using var muted = Paint(Muted);
            Text(canvas, "扫码学习本课", fonts.Bold, 34, red, Pad + QrSize + 48, y + 100, Inner - QrSize - 64, 1, 48);
            Text(canvas, spec.SiteName, fonts.Regular, 26, muted, Pad + QrSize + 48, y + 150, Inner - QrSize - 64, 2, 38);
        }

        y += QrSize + 48 + 40;
        using var bar = Paint(CoverPalette.Red);
        canvas?.DrawRect(0, y, Width, 16, bar);
        return y + 16;
    }

    /// <summary>Sets <paramref name="text"/> in lines from the first baseline; returns the height used (0 when no Chinese font is installed).</summary>
    private float Text(SKCanvas? canvas, string text, SKTypeface? face, float size, SKPaint paint, float x, float baseline, float width, int maxLines,
        float lineHeight, SKTextAlign align = SKTextAlign.Left)
    {
        if (face is null)
        {
            return 0;
        }

        using var font = new SKFont(face, size);
        var lines = ChineseLineBreaker.Break(text, width, s => font.MeasureText(s), maxLines);
        if (canvas is not null)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                canvas.DrawText(lines[i], x, baseline + i * lineHeight, align, font, paint);
            }
        }

        return lines.Count * lineHeight;
    }

    private static SKPaint Paint(SKColor colour) => new() { Color = colour, IsAntialias = true };
}
