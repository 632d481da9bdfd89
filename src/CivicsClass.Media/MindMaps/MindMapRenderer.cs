using CivicsClass.Media.Generated;
using SkiaSharp;

namespace CivicsClass.Media.MindMaps;

/// <summary>
/// Draws a mind map for sharing: the title on the left, each branch to the right of its parent joined by a
/// curve in its first-level branch's colour, every subtree centred beside its branch. Text is set in the
/// site's Chinese font and wrapped the way Chinese is; the picture is as large as the tree needs.
/// </summary>
internal sealed class MindMapRenderer(CjkFonts fonts)
{
    private const float Pad = 40;
    private const float Gap = 56;
    private const float RowGap = 14;
    private const float Caption = 56;

    private static readonly SKColor[] s_branches =
        [SKColor.Parse("#b71c1c"), SKColor.Parse("#a8741c"), SKColor.Parse("#1a4f8b"), SKColor.Parse("#2e6b3a"), SKColor.Parse("#6a1b9a"), SKColor.Parse("#ad1457")];

    private static readonly SKColor Muted = SKColor.Parse("#5c5c5c");

    /// <summary>The mind map as a PNG, and its size in pixels.</summary>
    public (byte[] Png, int Width, int Height) Render(MindMapNode root, string caption)
    {
        if (fonts.Regular is null || fonts.Bold is null)
        {
            throw new InvalidOperationException("A mind map is not drawn without a Chinese font.");
        }

        var laid = Measure(root, 0);
        Place(laid, Pad, Pad);
        var width = (int)Math.Ceiling(Right(laid) + Pad);
        var height = (int)Math.Ceiling(laid.TreeHeight + 2 * Pad + Caption);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(CoverPalette.Paper);
        Draw(canvas, laid, CoverPalette.Red, 0);
        using var captionFont = new SKFont(fonts.Regular, 20);
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        canvas.DrawText(caption, Pad, height - Pad / 2 - 6, SKTextAlign.Left, captionFont, muted);
        return (CoverRenderer.Encode(surface), width, height);
    }

    private Laid Measure(MindMapNode node, int depth)
    {
        var (face, size, maxWidth) = Style(node.Kind, depth);
        using var font = new SKFont(face, size);
        var lines = ChineseLineBreaker.Break(node.Text, maxWidth, s => font.MeasureText(s), 4);
        var lineHeight = size * 1.4f;
        var textWidth = lines.Count == 0 ? 0 : lines.Max(l => font.MeasureText(l));
        var laid = new Laid(node, lines, size, lineHeight, face!, textWidth + 2 * PadX(depth), lines.Count * lineHeight + 2 * PadY(depth),
            node.Children.Select(c => Measure(c, depth + 1)).ToList());
        var children = laid.Children.Sum(c => c.TreeHeight) + RowGap * Math.Max(0, laid.Children.Count - 1);
        laid.TreeHeight = Math.Max(laid.Height, children);
        return laid;
    }

    private static void Place(Laid laid, float x, float top)
    {
        laid.X = x;
        laid.Y = top + (laid.TreeHeight - laid.Height) / 2;
        var children = laid.Children.Sum(c => c.TreeHeight) + RowGap * Math.Max(0, laid.Children.Count - 1);
        var y = top + (laid.TreeHeight - children) / 2;
        foreach (var child in laid.Children)
        {
            Place(child, x + laid.Width + Gap, y);
            y += child.TreeHeight + RowGap;
        }
    }

    private static float Right(Laid laid) => laid.Children.Select(Right).Append(laid.X + laid.Width).Max();

    private static void Draw(SKCanvas canvas, Laid laid, SKColor colour, int depth)
    {
        for (var i = 0; i < laid.Children.Count; i++)
        {
            var child = laid.Children[i];
            var branch = depth == 0 ? s_branches[i % s_branches.Length] : colour;
            using var line = new SKPaint { Color = branch, IsAntialias = true, IsStroke = true, StrokeWidth = depth == 0 ? 4 : 2.5f };
            using var builder = new SKPathBuilder();
            var (fromX, fromY, toX, toY) = (laid.X + laid.Width, laid.Y + laid.Height / 2, child.X, child.Y + child.Height / 2);
            builder.MoveTo(fromX, fromY);
            builder.CubicTo(fromX + Gap / 2, fromY, toX - Gap / 2, toY, toX, toY);
            using var path = builder.Detach();
            canvas.DrawPath(path, line);
            Draw(canvas, child, branch, depth + 1);
        }

        var box = SKRect.Create(laid.X, laid.Y, laid.Width, laid.Height);
        using var fill = new SKPaint { IsAntialias = true, Color = depth == 0 ? CoverPalette.Red : depth == 1 ? colour.WithAlpha(28) : SKColors.White };
        canvas.DrawRoundRect(box, 12, 12, fill);
        if (depth > 0)
        {
            using var border = new SKPaint { IsAntialias = true, IsStroke = true, StrokeWidth = depth == 1 ? 2.5f : 1.5f, Color = colour };
            canvas.DrawRoundRect(box, 12, 12, border);
        }

        using var font = new SKFont(laid.Face, laid.Size);
        using var ink = new SKPaint
        {
            IsAntialias = true,
            Color = depth == 0 ? SKColors.White : laid.Node.Kind == MindMapNodeKind.KeySentence ? Muted : CoverPalette.Ink,
        };
        for (var i = 0; i < laid.Lines.Count; i++)
        {
            var baseline = laid.Y + PadY(depth) + i * laid.LineHeight + laid.Size * 1.08f;
            canvas.DrawText(laid.Lines[i], laid.X + PadX(depth), baseline, SKTextAlign.Left, font, ink);
        }
    }

    private (SKTypeface? Face, float Size, float MaxWidth) Style(MindMapNodeKind kind, int depth) => depth switch
    {
        0 => (fonts.Bold, 30, 260),
        1 => (fonts.Bold, 24, 280),
        _ => (kind == MindMapNodeKind.KeySentence ? fonts.Regular : fonts.Bold, kind == MindMapNodeKind.KeySentence ? 19 : 21, 320),
    };

    private static float PadX(int depth) => depth == 0 ? 22 : 16;

    private static float PadY(int depth) => depth == 0 ? 16 : 9;

    private sealed class Laid(MindMapNode node, IReadOnlyList<string> lines, float size, float lineHeight, SKTypeface face, float width, float height,
        IReadOnlyList<Laid> children)
    {
        public MindMapNode Node { get; } = node;
        public IReadOnlyList<string> Lines { get; } = lines;
        public float Size { get; } = size;
        public float LineHeight { get; } = lineHeight;
        public SKTypeface Face { get; } = face;
        public float Width { get; } = width;
        public float Height { get; } = height;
        public IReadOnlyList<Laid> Children { get; } = children;
        public float TreeHeight { get; set; }
        public float X { get; set; }
        public float Y { get; set; }
    }
}
