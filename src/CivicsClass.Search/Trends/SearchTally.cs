using System.Collections.Concurrent;
using CivicsClass.Content.Security;

namespace CivicsClass.Search.Trends;

/// <summary>
/// Counts searches per China day and query in memory; <see cref="SearchTallyWriter"/> adds the counts
/// to <c>search_day</c> every little while, so a search never waits for a write. A node that stops
/// writes what it counted; a crash loses at most the last interval's counts.
/// </summary>
public sealed class SearchTally
{
    /// <summary>Distinct queries a node holds between writes; further new ones wait for the next interval.</summary>
    public const int MaxQueries = 20_000;

    private static readonly TimeSpan s_china = TimeSpan.FromHours(8);
    private ConcurrentDictionary<(int Day, string Query), Counts> _counts = new();

    /// <summary>Counts a cleaned query; empty, overlong or unsafe text (names of staff, links, control characters) is not counted.</summary>
    public void Count(string query, bool missed, DateTime utc)
    {
        if (query.Length is 0 or > 40 || !TextSafety.IsSafeLine(query))
        {
            return;
        }

        var counts = _counts;
        var key = (DayOf(utc), query);
        if (!counts.TryGetValue(key, out var entry))
        {
            if (counts.Count >= MaxQueries)
            {
                return;
            }

            entry = counts.GetOrAdd(key, _ => new Counts());
        }

        Interlocked.Increment(ref entry.Searches);
        if (missed)
        {
            Interlocked.Increment(ref entry.Misses);
        }
    }

    /// <summary>Takes what was counted so far and starts afresh.</summary>
    public IReadOnlyList<(int Day, string Query, int Searches, int Misses)> Take() =>
        Interlocked.Exchange(ref _counts, new()).Select(e => (e.Key.Day, e.Key.Query, e.Value.Searches, e.Value.Misses)).ToList();

    /// <summary>A China day as a number, 20261205, the way study days are numbered.</summary>
    public static int DayOf(DateTime utc)
    {
        var day = utc.Add(s_china);
        return day.Year * 10_000 + day.Month * 100 + day.Day;
    }

    private sealed class Counts
    {
        public int Searches;
        public int Misses;
    }
}
