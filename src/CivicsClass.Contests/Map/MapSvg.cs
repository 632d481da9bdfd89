using System.Globalization;
using System.Text;

namespace CivicsClass.Contests.Map;

/// <summary>
/// The map as inline SVG drawn on the server: each venue placed by its coordinates on a plain
/// longitude–latitude frame around China, numbered, filled red when lit, ringed when open and grey
/// when still locked. No map tiles, no script, nothing fetched from elsewhere.
/// </summary>
internal static class MapSvg
{
    private const double West = 73, East = 135, North = 54, South = 18, Width = 320, Height = 240;

    public static string Render(IReadOnlyList<MapPoint> points, string label)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="contest-map-svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="{System.Net.WebUtility.HtmlEncode(label)}" xmlns="http://www.w3.org/2000/svg">""");
        svg.Append("""<rect x="0" y="0" width="320" height="240" rx="8" class="map-ground"/>""");
        foreach (var point in points.Where(p => p.Latitude is not null && p.Longitude is not null))
        {
            var x = Math.Clamp((point.Longitude!.Value - West) / (East - West) * Width, 10, Width - 10);
            var y = Math.Clamp((North - point.Latitude!.Value) / (North - South) * Height, 10, Height - 10);
            var state = point.State.ToString().ToLowerInvariant();
            svg.Append(CultureInfo.InvariantCulture,
                $"""<g class="map-point {state}" data-point="{point.Index}" data-state="{state}"><title>{System.Net.WebUtility.HtmlEncode(point.Name)}</title>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{x:0.#}" cy="{y:0.#}" r="8"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x:0.#}" y="{y + 3.5:0.#}" text-anchor="middle">{point.Index + 1}</text></g>""");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
