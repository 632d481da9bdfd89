using SkiaSharp;

namespace CivicsClass.Media.Generated;

/// <summary>
/// Line drawings for covers, one per theme and venue kind (a gear for 工匠精神, scales for 法律与维权,
/// a hall for 纪念馆…), so a reader tells the subject of a card before reading its title.
/// </summary>
internal static class Motifs
{
    private static readonly Dictionary<string, string> s_byTerm = new(StringComparer.Ordinal)
    {
        ["党的创新理论"] = "star", ["工运历史"] = "flag", ["劳模精神"] = "medal", ["工匠精神"] = "gear", ["劳动精神"] = "hammer",
        ["产业工人队伍建设改革"] = "factory", ["新就业形态劳动者"] = "pin", ["共同富裕"] = "wheat", ["法律与维权"] = "scales",
        ["技能成才"] = "steps", ["红色工运旧址"] = "flag", ["纪念馆"] = "hall", ["工人文化宫"] = "hall", ["职工书屋"] = "book",
        ["劳模创新工作室"] = "bulb", ["职工爱国主义教育基地"] = "star",
    };

    public static readonly IReadOnlyList<string> All = ["star", "flag", "medal", "gear", "hammer", "factory", "pin", "wheat", "scales", "steps", "hall", "book", "bulb"];

    /// <summary>The motif for a taxonomy term; a term the list does not know still gets one, always the same.</summary>
    public static string For(string? term, int fallbackSeed) =>
        term is not null && s_byTerm.TryGetValue(term, out var motif) ? motif
        : All[(int)((uint)(term is null ? fallbackSeed : StableHash(term)) % (uint)All.Count)];

    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }

    /// <summary>Draws <paramref name="motif"/> to fill the square <paramref name="box"/> with strokes and fills of <paramref name="paint"/>'s colour.</summary>
    public static void Draw(SKCanvas canvas, string motif, SKRect box, SKColor colour)
    {
        using var stroke = new SKPaint { Color = colour, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4.5f, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
        using var fill = new SKPaint { Color = colour, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.Save();
        canvas.Translate(box.Left, box.Top);
        canvas.Scale(box.Width / 100f);
        switch (motif)
        {
            case "star": Star(canvas, fill, stroke); break;
            case "flag": Flag(canvas, fill, stroke); break;
            case "medal": Medal(canvas, fill, stroke); break;
            case "gear": Gear(canvas, stroke); break;
            case "hammer": Hammer(canvas, fill, stroke); break;
            case "factory": Factory(canvas, fill); break;
            case "pin": Pin(canvas, stroke); break;
            case "wheat": Wheat(canvas, fill, stroke); break;
            case "scales": Scales(canvas, stroke); break;
            case "steps": Steps(canvas, fill, stroke); break;
            case "hall": Hall(canvas, fill); break;
            case "book": Book(canvas, stroke); break;
            default: Bulb(canvas, stroke); break;
        }

        canvas.Restore();
    }

    private static void Draw(SKCanvas canvas, SKPathBuilder builder, SKPaint paint)
    {
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static SKPath StarPath(float cx, float cy, float outer, float inner)
    {
        using var path = new SKPathBuilder();
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outer : inner;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            var point = new SKPoint(cx + radius * (float)Math.Cos(angle), cy + radius * (float)Math.Sin(angle));
            if (i == 0) { path.MoveTo(point); } else { path.LineTo(point); }
        }

        path.Close();
        return path.Detach();
    }

    private static void Star(SKCanvas c, SKPaint fill, SKPaint stroke)
    {
        using var star = StarPath(50, 52, 30, 12);
        c.DrawPath(star, fill);
        for (var i = 0; i < 12; i++)
        {
            var a = i * Math.PI / 6;
            c.DrawLine(50 + 38 * (float)Math.Cos(a), 52 + 38 * (float)Math.Sin(a), 50 + 48 * (float)Math.Cos(a), 52 + 48 * (float)Math.Sin(a), stroke);
        }
    }

    private static void Flag(SKCanvas c, SKPaint fill, SKPaint stroke)
    {
        c.DrawLine(18, 8, 18, 96, stroke);
        using var cloth = new SKPathBuilder();
        cloth.MoveTo(20, 12);
        cloth.CubicTo(40, 2, 60, 24, 90, 12);
        cloth.LineTo(90, 56);
        cloth.CubicTo(60, 68, 40, 46, 20, 56);
        cloth.Close();
        Draw(c, cloth, fill);
    }

    private static void Medal(SKCanvas c, SKPaint fill, SKPaint stroke)
    {
        using var ribbon = new SKPathBuilder();
        ribbon.MoveTo(32, 4); ribbon.LineTo(50, 40); ribbon.LineTo(68, 4);
        Draw(c, ribbon, stroke);
        c.DrawCircle(50, 64, 28, stroke);
        using var star = StarPath(50, 65, 17, 7);
        c.DrawPath(star, fill);
    }

    private static void Gear(SKCanvas c, SKPaint stroke)
    {
        c.DrawCircle(50, 50, 26, stroke);
        c.DrawCircle(50, 50, 10, stroke);
        using var teeth = new SKPaint { Color = stroke.Color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 10, StrokeCap = SKStrokeCap.Butt };
        for (var i = 0; i < 10; i++)
        {
            var a = i * Math.PI / 5;
            c.DrawLine(50 + 28 * (float)Math.Cos(a), 50 + 28 * (float)Math.Sin(a), 50 + 40 * (float)Math.Cos(a), 50 + 40 * (float)Math.Sin(a), teeth);
        }
    }

    private static void Hammer(SKCanvas c, SKPaint fill, SKPaint stroke)
    {
        c.Save();
        c.RotateDegrees(-35, 50, 50);
        c.DrawRoundRect(new SKRect(26, 14, 74, 32), 3, 3, fill);
        c.DrawLine(50, 32, 50, 94, stroke);
        c.Restore();
    }

    private static void Factory(SKCanvas c, SKPaint fill)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(6, 94); path.LineTo(6, 52); path.LineTo(28, 64); path.LineTo(28, 52); path.LineTo(50, 64); path.LineTo(50, 52);
        path.LineTo(72, 64); path.LineTo(72, 14); path.LineTo(84, 14); path.LineTo(84, 94); path.Close();
        Draw(c, path, fill);
        c.DrawRect(new SKRect(58, 30, 66, 60), fill);
    }

    private static void Pin(SKCanvas c, SKPaint stroke)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(50, 92);
        path.CubicTo(20, 58, 20, 42, 20, 38);
        path.ArcTo(new SKRect(20, 8, 80, 68), 180, 180, false);
        path.CubicTo(80, 42, 80, 58, 50, 92);
        Draw(c, path, stroke);
        c.DrawCircle(50, 38, 11, stroke);
    }

    private static void Wheat(SKCanvas c, SKPaint fill, SKPaint stroke)
    {
        c.DrawLine(50, 96, 50, 10, stroke);
        for (var i = 0; i < 5; i++)
        {
            var y = 18 + i * 14;
            c.Save(); c.RotateDegrees(-35, 50, y + 6); c.DrawOval(new SKRect(50, y, 68, y + 10), fill); c.Restore();
            c.Save(); c.RotateDegrees(35, 50, y + 6); c.DrawOval(new SKRect(32, y, 50, y + 10), fill); c.Restore();
        }
    }

    private static void Scales(SKCanvas c, SKPaint stroke)
    {
        c.DrawLine(50, 10, 50, 90, stroke);
        c.DrawLine(30, 90, 70, 90, stroke);
        c.DrawLine(14, 24, 86, 24, stroke);
        foreach (var x in new[] { 22f, 78f })
        {
            c.DrawLine(x - 1, 24, x - 12, 54, stroke);
            c.DrawLine(x + 1, 24, x + 12, 54, stroke);
            c.DrawArc(new SKRect(x - 14, 44, x + 14, 66), 0, 180, false, stroke);
        }
    }

    private static void Steps(SKCanvas c, SKPaint fill, SKPaint stroke)
    {
        for (var i = 0; i < 4; i++)
        {
            c.DrawRect(new SKRect(8 + i * 20, 84 - i * 18, 30 + i * 20, 94), fill);
        }

        c.DrawLine(16, 46, 70, 8, stroke);
        c.DrawLine(70, 8, 56, 8, stroke);
        c.DrawLine(70, 8, 68, 22, stroke);
    }

    private static void Hall(SKCanvas c, SKPaint fill)
    {
        using var roof = new SKPathBuilder();
        roof.MoveTo(6, 32); roof.LineTo(50, 8); roof.LineTo(94, 32); roof.Close();
        Draw(c, roof, fill);
        for (var i = 0; i < 5; i++)
        {
            c.DrawRect(new SKRect(14 + i * 16, 38, 22 + i * 16, 82), fill);
        }

        c.DrawRect(new SKRect(6, 86, 94, 94), fill);
    }

    private static void Book(SKCanvas c, SKPaint stroke)
    {
        using var left = new SKPathBuilder();
        left.MoveTo(50, 26); left.CubicTo(38, 16, 20, 16, 6, 20); left.LineTo(6, 82); left.CubicTo(20, 78, 38, 78, 50, 88); left.Close();
        using var right = new SKPathBuilder();
        right.MoveTo(50, 26); right.CubicTo(62, 16, 80, 16, 94, 20); right.LineTo(94, 82); right.CubicTo(80, 78, 62, 78, 50, 88); right.Close();
        Draw(c, left, stroke);
        Draw(c, right, stroke);
    }

    private static void Bulb(SKCanvas c, SKPaint stroke)
    {
        using var glass = new SKPathBuilder();
        glass.MoveTo(38, 70);
        glass.CubicTo(38, 56, 22, 50, 22, 34);
        glass.ArcTo(new SKRect(22, 6, 78, 62), 180, 180, false);
        glass.CubicTo(78, 50, 62, 56, 62, 70);
        glass.Close();
        Draw(c, glass, stroke);
        c.DrawLine(40, 80, 60, 80, stroke);
        c.DrawLine(43, 90, 57, 90, stroke);
    }
}
