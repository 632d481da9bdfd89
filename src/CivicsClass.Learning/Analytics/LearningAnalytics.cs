using Dapper;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Reports;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Study;

namespace CivicsClass.Learning.Analytics;

/// <summary>
/// What workers study, for editors: per day, top and rising lessons, themes, industries, regions,
/// organisations, and what people search for (from search's report, when search is part of the site).
/// </summary>
public sealed class LearningAnalytics(ISession session, IContentManager contentManager, TimeProvider clock, IEnumerable<ISearchReport> searches)
{
    public async Task<LearningReport> ReportAsync(int days)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = StudyCalendar.Date(now);
        var from = StudyCalendar.ToInt(today.AddDays(1 - days));
        var args = new { from };
        async Task<Dictionary<int, long>> PerDayAsync(string sql) =>
            (await connection.QueryAsync<(int Day, long Count)>(sql, args, transaction)).ToDictionary(r => r.Day, r => r.Count);
        var studies = await PerDayAsync("SELECT studied_day, COUNT(*) FROM lesson_progress WHERE studied_day >= @from GROUP BY studied_day");
        var learners = await PerDayAsync("SELECT study_day, COUNT(*) FROM study_day_log WHERE study_day >= @from GROUP BY study_day");
        var points = await PerDayAsync("SELECT study_day, SUM(points) FROM points_entry WHERE study_day >= @from GROUP BY study_day");
        var requests = (await connection.QueryAsync<DateTime>("SELECT created_utc FROM topic_request WHERE created_utc >= @start",
                new { start = StudyCalendar.StartUtc(from) }, transaction))
            .GroupBy(StudyCalendar.Day).ToDictionary(g => g.Key, g => (long)g.Count());
        var report = searches.FirstOrDefault();
        var searched = report is null ? [] : (await report.PerDayAsync(from)).ToDictionary(d => d.Day);
        var perDay = Enumerable.Range(0, days).Select(n => today.AddDays(n + 1 - days)).Select(date =>
        {
            var day = StudyCalendar.ToInt(date);
            var search = searched.GetValueOrDefault(day);
            return new DayFigures(date, studies.GetValueOrDefault(day), learners.GetValueOrDefault(day), points.GetValueOrDefault(day),
                search?.Searches ?? 0, search?.Misses ?? 0, requests.GetValueOrDefault(day));
        }).ToList();

        var lessons = (await connection.QueryAsync<(string Id, long Count)>(
            "SELECT content_item_id, COUNT(*) FROM lesson_progress WHERE studied_day >= @from GROUP BY content_item_id ORDER BY COUNT(*) DESC LIMIT 200",
            args, transaction)).ToList();
        var rising = await RisingLessonsAsync(today);
        var items = (await contentManager.GetManyAsync(lessons.Select(l => l.Id).Concat(rising.Select(r => r.Key)).Distinct().ToList()))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var known = lessons.Where(l => items.ContainsKey(l.Id)).ToList();
        IReadOnlyList<Counted> ByTerm(string field) => known
            .SelectMany(l => (items[l.Id].Field<TaxonomyField>(field)?.TermIds ?? []).Select(t => (Term: t, l.Count)))
            .GroupBy(t => t.Term).Select(g => new Counted(g.Key, g.Key, g.Sum(t => t.Count))).OrderByDescending(c => c.Count).ToList();
        var groups = async (string column) => (await connection.QueryAsync<(string?, long, long)>($"""
            SELECT l.{column}, COUNT(*), COUNT(DISTINCT p.user_id) FROM lesson_progress p JOIN learner l ON l.user_id = p.user_id
            WHERE p.studied_day >= @from GROUP BY l.{column} ORDER BY COUNT(*) DESC LIMIT 50
            """, args, transaction)).ToList();
        var misses = report is null ? [] : (await report.TopMissesAsync(30)).Select(m => (m.Query, m.Times)).ToList();
        var risingSearches = report is null ? [] : await report.RisingAsync(StudyCalendar.ToInt(today), 10);
        var registered = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM learner", transaction: transaction);
        var active = await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT user_id) FROM study_day_log WHERE study_day >= @from", args, transaction);
        return new LearningReport(perDay,
            known.Take(10).Select(l => new Counted(l.Id, items[l.Id].DisplayText, l.Count)).ToList(),
            ByTerm("Themes"), ByTerm("Industries"), await groups("region_id"), await groups("organisation_id"), misses,
            rising.Where(r => items.ContainsKey(r.Key)).Select(r => r with { Name = items[r.Key].DisplayText }).Take(10).ToList(),
            risingSearches, registered, active);
    }

    /// <summary>Lessons studied in the seven days up to today against their weekly average over the four weeks before.</summary>
    private async Task<IReadOnlyList<Trend>> RisingLessonsAsync(DateOnly today)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = await connection.QueryAsync<(string Id, long ThisWeek, long Before)>("""
            SELECT content_item_id,
                   SUM(CASE WHEN studied_day >= @weekStart THEN 1 ELSE 0 END),
                   SUM(CASE WHEN studied_day < @weekStart THEN 1 ELSE 0 END)
            FROM lesson_progress WHERE studied_day >= @fourWeeksStart
            GROUP BY content_item_id HAVING SUM(CASE WHEN studied_day >= @weekStart THEN 1 ELSE 0 END) > 0
            ORDER BY 2 DESC, content_item_id LIMIT 200
            """, new { weekStart = StudyCalendar.ToInt(today.AddDays(-6)), fourWeeksStart = StudyCalendar.ToInt(today.AddDays(-34)) }, transaction);
        return rows.Select(r => new Trend(r.Id, r.Id, r.ThisWeek, r.Before / 4.0)).Where(t => t.Rise > 0)
            .OrderByDescending(t => t.Rise).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
    }
}
