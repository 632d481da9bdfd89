using System.Text.RegularExpressions;

namespace CivicsClass.Web.Edge;

/// <summary>
/// One request's Content-Security-Policy: scripts, styles, fonts, media and fetches from the site only,
/// no plugins, no framing; images from the site, <c>data:</c> and <c>blob:</c> (the long-image viewer
/// draws into one), from <c>SecurityHeaders:ImageSources</c>, and from the hosts the page's views allow
/// while they render (a map's tiles, from the site's <c>Map</c> settings). Views render before the
/// response starts, so the header is written again each time a host is added.
/// </summary>
internal sealed partial class ContentSecurityPolicy(IHttpContextAccessor accessor, IConfiguration configuration) : Theme.IContentSecurityPolicy
{
    private readonly SortedSet<string> _imageSources = new(Configured(configuration), StringComparer.Ordinal);

    public string Value =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + string.Join(' ', ["'self'", "data:", "blob:", .. _imageSources])
        + "; font-src 'self'; media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public void AllowImagesFrom(string url)
    {
        if (Origin(url) is { } origin && _imageSources.Add(origin) && accessor.HttpContext?.Response is { HasStarted: false } response)
        {
            response.Headers.ContentSecurityPolicy = Value;
        }
    }

    /// <summary>The scheme and host of an address or tile template (<c>{s}.</c> becomes <c>*.</c>); null for anything that is not a plain http(s) origin.</summary>
    public static string? Origin(string? url)
    {
        var match = OriginPattern().Match(url ?? "");
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() + "://" + match.Groups[2].Value.Replace("{s}.", "*.", StringComparison.Ordinal).ToLowerInvariant() : null;
    }

    private static IEnumerable<string> Configured(IConfiguration configuration) =>
        (configuration.GetSection("SecurityHeaders:ImageSources").Get<string[]>() ?? []).Select(Origin).OfType<string>();

    [GeneratedRegex(@"^(https?)://((?:\{s\}\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?)(?:[/?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex OriginPattern();
}
