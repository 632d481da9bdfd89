using CivicsClass.Media.Serving;
using CivicsClass.Theme.Models;

namespace CivicsClass.Web.Media;

/// <summary>The theme's image partial, answered by the media module.</summary>
internal sealed class ThemeImages(ResponsiveImages images) : Theme.IImageSources
{
    public async Task<ThemeImage> DescribeAsync(string url, string set)
    {
        var image = await images.DescribeAsync(url, set);
        return new ThemeImage(image.Src, image.SrcSet, image.Width, image.Height, image.IsLong, image.Original);
    }
}
