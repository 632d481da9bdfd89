using SkiaSharp;

namespace CivicsClass.Media.Generated;

/// <summary>The theme's colours (its red, deep red, gold and ink) in pairs a cover's gradient runs between.</summary>
internal static class CoverPalette
{
    public static readonly SKColor Gold = SKColor.Parse("#e8c36a");
    public static readonly SKColor Paper = SKColor.Parse("#faf8f6");
    public static readonly SKColor Ink = SKColor.Parse("#1f1f1f");
    public static readonly SKColor Red = SKColor.Parse("#b71c1c");

    private static readonly (SKColor From, SKColor To)[] s_pairs =
    [
        (SKColor.Parse("#b71c1c"), SKColor.Parse("#6d0f0f")),
        (SKColor.Parse("#c62828"), SKColor.Parse("#d84315")),
        (SKColor.Parse("#8e1414"), SKColor.Parse("#3e0a0a")),
        (SKColor.Parse("#a8741c"), SKColor.Parse("#5f3d08")),
        (SKColor.Parse("#1a4f8b"), SKColor.Parse("#0d2a4a")),
        (SKColor.Parse("#ad1457"), SKColor.Parse("#5e0b2f")),
        (SKColor.Parse("#37474f"), SKColor.Parse("#1f1f1f")),
        (SKColor.Parse("#2e6b3a"), SKColor.Parse("#143a1c")),
        (SKColor.Parse("#bf360c"), SKColor.Parse("#7a1f05")),
        (SKColor.Parse("#6a1b9a"), SKColor.Parse("#32094d")),
    ];

    public static int Count => s_pairs.Length;

    public static (SKColor From, SKColor To) Pair(int index) => s_pairs[((index % s_pairs.Length) + s_pairs.Length) % s_pairs.Length];
}
