using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Contests.Contests;
using CivicsClass.Learning.Study;
using Microsoft.Extensions.Caching.Memory;

namespace CivicsClass.Contests.Map;

/// <summary>
/// A contest's map: its venues in order, the first opening on the contest's first day and one more
/// every <see cref="Contest.DaysPerPoint"/> days. A passed round lights the earliest open point not yet
/// lit, so a worker who missed a day catches up one point per passed round.
/// </summary>
internal sealed class ContestMap(IContentManager contentManager, IMemoryCache cache)
{
    public static int OpensDay(Contest contest, int index) =>
        StudyCalendar.ToInt(StudyCalendar.FromInt(contest.StartDay).AddDays(index * contest.DaysPerPoint));

    /// <summary>The point a round passed on <paramref name="day"/> lights, or null when every open point is lit.</summary>
    public static int? NextToLight(Contest contest, IReadOnlySet<int> lit, int day)
    {
        for (var i = 0; i < contest.MapVenueIds.Count; i++)
        {
            if (OpensDay(contest, i) <= day && !lit.Contains(i))
            {
                return i;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<MapPoint>> PointsAsync(Contest contest, IReadOnlySet<int> lit, int today)
    {
        var venues = await VenuesAsync(contest);
        return venues.Select((v, i) => new MapPoint(i, v.Id, v.Name, v.Url, v.Latitude, v.Longitude, OpensDay(contest, i),
            lit.Contains(i) ? MapPointState.Lit : OpensDay(contest, i) <= today ? MapPointState.Open : MapPointState.Locked)).ToList();
    }

    private async Task<IReadOnlyList<(string Id, string Name, string? Url, double? Latitude, double? Longitude)>> VenuesAsync(Contest contest) =>
        await cache.GetOrCreateAsync($"contest-map:{contest.Id}:{string.Join(',', contest.MapVenueIds)}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var venues = new List<(string, string, string?, double?, double?)>();
            foreach (var id in contest.MapVenueIds)
            {
                var venue = await contentManager.GetAsync(id);
                var geo = venue?.Get<GeoPointPart>(nameof(GeoPointPart));
                venues.Add((id, venue?.DisplayText ?? "", venue is null ? null : "/" + venue.Part<AutoroutePart>().Path, geo?.Latitude, geo?.Longitude));
            }

            return (IReadOnlyList<(string, string, string?, double?, double?)>)venues;
        }) ?? [];
}
