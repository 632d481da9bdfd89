using CivicsClass.Theme.Models;

namespace CivicsClass.Theme;

/// <summary>Turns an image address into what a responsive <c>&lt;img&gt;</c> needs, for the <c>_Image</c> partial.</summary>
public interface IImageSources
{
    /// <summary><paramref name="set"/> names the sizes on offer: <c>thumb</c>, <c>card</c> or <c>hero</c>.</summary>
    Task<ThemeImage> DescribeAsync(string url, string set);
}
