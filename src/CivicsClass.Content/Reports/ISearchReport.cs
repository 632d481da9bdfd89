namespace CivicsClass.Content.Reports;

/// <summary>
/// What people search for, for editors planning lessons: search keeps the counts, other modules read
/// them here and never its tables. Days are China days numbered 20261205.
/// </summary>
public interface ISearchReport
{
    /// <summary>Searches that found nothing, most asked first, over all time.</summary>
    Task<IReadOnlyList<SearchMiss>> TopMissesAsync(int take);

    /// <summary>Searches and searches that found nothing per day, from <paramref name="fromDay"/>.</summary>
    Task<IReadOnlyList<SearchDay>> PerDayAsync(int fromDay);

    /// <summary>
    /// Searches of the seven days up to <paramref name="today"/> against the weekly average of the four
    /// weeks before, the most risen first.
    /// </summary>
    Task<IReadOnlyList<Trend>> RisingAsync(int today, int take);
}
