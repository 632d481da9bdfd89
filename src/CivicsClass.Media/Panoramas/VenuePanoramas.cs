using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Generated;
using CivicsClass.Theme.Models;

namespace CivicsClass.Media.Panoramas;

/// <summary>
/// A venue's panoramas with their hotspots, for its page and the API: each of the venue's lessons stands where the
/// panorama places it, and lessons it does not place are spread evenly around the horizon, the first straight ahead.
/// </summary>
public sealed class VenuePanoramas(IContentManager content, GeneratedImageSpecs specs, CjkFonts fonts)
{
    public const string ViewerProfile = "panorama";

    /// <summary>Slightly below eye level, under the panels of a hall.</summary>
    public const double DefaultPitch = -12;

    public const int MaxLessons = 50;

    /// <summary>The panoramas of <paramref name="venue"/>; <paramref name="lessons"/> are its lessons when the caller has them already.</summary>
    public async Task<IReadOnlyList<PanoramaView>> ListAsync(ContentItem venue, IReadOnlyList<ContentItem>? lessons = null)
    {
        var panoramas = venue.Get<PanoramaPart>(nameof(PanoramaPart))?.Panoramas ?? [];
        if (panoramas.Count == 0)
        {
            return [];
        }

        lessons ??= (await content.QueryAsync(new ContentQuery
        {
            ContentType = "Lesson", ReferencedId = venue.ContentItemId, ReferenceField = "Venue", Take = MaxLessons, IncludeTotal = false,
        })).Items;
        var views = new List<PanoramaView>();
        foreach (var panorama in panoramas)
        {
            if (await ImageAsync(venue, panorama) is { } image)
            {
                var title = string.IsNullOrWhiteSpace(panorama.Title) ? venue.DisplayText : $"{venue.DisplayText} · {panorama.Title.Trim()}";
                views.Add(new PanoramaView(title, image, $"{image}?profile={ViewerProfile}", image, panorama.Drawn, Hotspots(panorama, lessons)));
            }
        }

        return views;
    }

    public static IReadOnlyList<PanoramaHotspotView> Hotspots(Panorama panorama, IReadOnlyList<ContentItem> lessons)
    {
        var placed = panorama.Hotspots.GroupBy(h => h.ContentItemId).ToDictionary(g => g.Key, g => g.First());
        var unplaced = lessons.Where(l => !placed.ContainsKey(l.ContentItemId)).ToList();
        return lessons.Select(lesson =>
        {
            var (yaw, pitch) = placed.TryGetValue(lesson.ContentItemId, out var spot)
                ? (Math.Clamp(spot.Yaw, -180, 180), Math.Clamp(spot.Pitch, -90, 90))
                : (Around(unplaced.IndexOf(lesson), unplaced.Count), DefaultPitch);
            return new PanoramaHotspotView(lesson.ContentItemId, lesson.DisplayText, UrlOf(lesson), yaw, pitch);
        }).ToList();
    }

    /// <summary>The <paramref name="index"/>th of <paramref name="count"/> yaws evenly around the circle, from 0 and within ±180°.</summary>
    public static double Around(int index, int count)
    {
        var yaw = 360.0 * index / count;
        return Math.Round(yaw > 180 ? yaw - 360 : yaw, 2);
    }

    private async Task<string?> ImageAsync(ContentItem venue, Panorama panorama)
    {
        if (!panorama.Drawn)
        {
            return Storage.MediaKey.FromUrl(panorama.Image) is { } key ? Storage.MediaKey.Url(key) : null;
        }

        return await specs.PanoramaAsync(venue) is { } spec
            ? GeneratedImageUrl.For(GeneratedImageKind.Panorama, venue.ContentItemId, GeneratedImageKeys.For(GeneratedImageKind.Panorama, spec, fonts.Description))
            : null;
    }

    private static string UrlOf(ContentItem item) =>
        item.Get<AutoroutePart>(nameof(AutoroutePart))?.Path is { Length: > 0 } path ? "/" + path : $"/api/v1/content/item/{item.ContentItemId}";
}
