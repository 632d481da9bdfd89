using CivicsClass.Content.Reports;

namespace CivicsClass.Search.Querying;

/// <summary>Search's counts for other modules, so none of them reads search's tables.</summary>
internal sealed class SearchReport(SearchService search) : ISearchReport
{
    public async Task<IReadOnlyList<SearchMiss>> TopMissesAsync(int take) =>
        (await search.MissesAsync(take)).Select(m => new SearchMiss(m.Query, m.Times)).ToList();

    public async Task<IReadOnlyList<SearchDay>> PerDayAsync(int fromDay) =>
        (await search.PerDayAsync(fromDay)).Select(d => new SearchDay(d.Day, d.Searches, d.Misses)).ToList();

    public async Task<IReadOnlyList<Trend>> RisingAsync(int today, int take)
    {
        var date = new DateOnly(today / 10_000, today / 100 % 100, today % 100);
        static int Day(DateOnly d) => d.Year * 10_000 + d.Month * 100 + d.Day;
        var weeks = await search.WeeksAsync(Day(date.AddDays(-6)), Day(date.AddDays(-34)), 200);
        return weeks.Select(w => new Trend(w.Query, w.Query, w.ThisWeek, w.FourWeeks / 4.0))
            .Where(t => t.Rise > 0).OrderByDescending(t => t.Rise).ThenBy(t => t.Key, StringComparer.Ordinal).Take(take).ToList();
    }
}
