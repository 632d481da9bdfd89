using System.Globalization;

namespace CivicsClass.Media.Imaging;

/// <summary>One size the site makes of an image: a width, and with a height a crop to exactly that box.</summary>
public sealed class ImageProfile
{
    public int Width { get; set; }

    /// <summary>With <see cref="Crop"/>, the exact height; without, the image keeps its proportions.</summary>
    public int? Height { get; set; }

    public bool Crop { get; set; }

    /// <summary>Changes when the profile does, so cached derivatives and ETags of an old definition are never served for a new one.</summary>
    public string Signature => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}{(Crop ? "c" : "")}");
}
