using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace CivicsClass.Media.Generated;

/// <summary>
/// The Chinese typefaces generated images are set in: Noto Sans CJK SC (Debian's <c>fonts-noto-cjk</c>) or any
/// font the system offers for Chinese. A machine without one still gets covers (colour and motif, no text),
/// never boxes for missing glyphs, and the log says once what to install.
/// </summary>
public sealed class CjkFonts
{
    private const string Probe = "中国工人思政课";

    private readonly Lazy<(SKTypeface? Regular, SKTypeface? Bold)> _faces;

    public CjkFonts(ILogger<CjkFonts> logger) : this(logger, Find)
    {
    }

    /// <summary>Fonts found by <paramref name="find"/> instead of the system's: a machine without Chinese fonts, in tests.</summary>
    internal CjkFonts(ILogger logger, Func<SKFontStyle, SKTypeface?> find) => _faces = new(() =>
    {
        var regular = find(SKFontStyle.Normal);
        var bold = find(SKFontStyle.Bold) ?? regular;
        if (regular is null)
        {
            logger.LogWarning("No Chinese font was found (install fonts-noto-cjk): generated covers and long images are drawn without their text");
        }

        return (regular, bold);
    });

    public bool Available => _faces.Value.Regular is not null;

    /// <summary>Which font is used, or that there is none; part of every generated image's hash, so installing a font redraws them.</summary>
    public string Description => _faces.Value.Regular is { } face ? face.FamilyName : "none";

    public SKTypeface? Regular => _faces.Value.Regular;

    public SKTypeface? Bold => _faces.Value.Bold;

    private static SKTypeface? Find(SKFontStyle style)
    {
        var manager = SKFontManager.Default;
        foreach (var family in new[] { "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Noto Sans CJK JP" })
        {
            if (manager.MatchFamily(family, style) is { } face && Covers(face))
            {
                return face;
            }
        }

        return manager.MatchCharacter(null, style, ["zh-Hans", "zh-CN", "zh"], '中') is { } fallback && Covers(fallback) ? fallback : null;
    }

    private static bool Covers(SKTypeface face)
    {
        using var font = new SKFont(face);
        return font.ContainsGlyphs(Probe);
    }
}
