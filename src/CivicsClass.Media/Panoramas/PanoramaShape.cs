using System.Globalization;

namespace CivicsClass.Media.Panoramas;

/// <summary>
/// A 360° panorama is equirectangular: 360° across and 180° up and down, so exactly twice as wide as high. Any other
/// shape would be stretched round the viewer, so it is refused, with a little leeway for a pixel lost in cropping.
/// </summary>
internal static class PanoramaShape
{
    /// <summary>How far the width may stray from twice the height, as a share of the width.</summary>
    public const double Tolerance = 0.01;

    /// <summary>Null when <paramref name="width"/> × <paramref name="height"/> is 2:1, otherwise why not, in Chinese.</summary>
    public static string? Check(int width, int height)
    {
        if (width > 0 && height > 0 && Math.Abs(width - 2.0 * height) <= Math.Max(1, width * Tolerance))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"不是 360° 全景图：全景图须为宽高比 2:1 的等距柱状投影（宽是高的两倍，例如 4096×2048），这张图片是 {width}×{height} 像素（约 {(height > 0 ? (double)width / height : 0):0.##}:1）。");
    }
}
