using CivicsClass.Theme;
using CivicsClass.Theme.Models;

namespace CivicsClass.Media.Serving;

/// <summary>The theme's image partial, answered from the media profiles.</summary>
internal sealed class ThemeImages(ResponsiveImages images) : IImageSources
{
    public async Task<ThemeImage> DescribeAsync(string url, string set)
    {
        var image = await images.DescribeAsync(url, set);
        return new ThemeImage(image.Src, image.SrcSet, image.Width, image.Height, image.IsLong, image.Original);
    }
}
