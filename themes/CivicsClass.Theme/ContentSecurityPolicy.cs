namespace CivicsClass.Theme;

/// <summary>
/// The page's Content-Security-Policy allows scripts, styles and images from the site only; a view that
/// shows images from elsewhere (a map's tiles) says so here while it renders.
/// </summary>
public interface IContentSecurityPolicy
{
    /// <summary>Allows images from the origin of <paramref name="url"/>, which may be a tile template such as <c>https://{s}.tile.example.org/{z}/{x}/{y}.png</c>.</summary>
    void AllowImagesFrom(string url);
}
