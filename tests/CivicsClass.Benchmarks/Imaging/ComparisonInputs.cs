using CivicsClass.Testing;
using NetVips;

namespace CivicsClass.Benchmarks.Imaging;

/// <summary>The files both libraries are given: two photograph-like pictures, and the crafted files a hostile upload would be.</summary>
internal static class ComparisonInputs
{
    /// <summary>A 4000 × 3000 JPEG and a 2400 × 1600 PNG of smooth noise in three channels, like a photograph to an encoder.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Pictures() =>
    [
        ("photo 4000×3000 JPEG", Noise(4000, 3000, ".jpg[Q=90]")),
        ("scan 2400×1600 PNG", Noise(2400, 1600, ".png[compression=6]")),
    ];

    public static IReadOnlyDictionary<string, byte[]> Crafted()
    {
        var photo = Noise(4000, 3000, ".jpg[Q=90]");
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["truncated"] = photo[..(photo.Length / 2)],
            ["bomb-header"] = TestFiles.PngHeader(30_000, 30_000),
            ["bomb-zeros"] = TestFiles.PngOfZeros(20_000, 20_000),
        };
    }

    public static string Describe(string crafted) => crafted switch
    {
        "truncated" => "a 4000×3000 JPEG cut off halfway",
        "bomb-header" => "a PNG declaring 30000×30000 with no pixel data behind it",
        _ => "a PNG of 20000×20000 real black pixels (1.2 GB decoded)",
    };

    private static byte[] Noise(int width, int height, string format)
    {
        using var red = Image.Gaussnoise(width, height, sigma: 60, mean: 120, seed: 1);
        using var green = Image.Gaussnoise(width, height, sigma: 50, mean: 110, seed: 2);
        using var blue = Image.Gaussnoise(width, height, sigma: 40, mean: 100, seed: 3);
        using var joined = red.Bandjoin(green, blue);
        using var blurred = joined.Gaussblur(1.2);
        using var picture = blurred.Cast(Enums.BandFormat.Uchar);
        using var srgb = picture.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.WriteToBuffer(format);
    }
}
