using Dapper;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Reports;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Study;

namespace CivicsClass.Learning.Analytics;

/// <summary>What workers study, for editors: studies per day, top lessons, themes, regions, organisations, and what searches found nothing.</summary>
/// <remarks>Searches that found nothing come from search's report, when search is part of the site.</remarks>
public sealed class LearningAnalytics(ISession session, IContentManager contentManager, TimeProvider clock, IEnumerable<ISearchMissReport> searchMisses)
{
    public async Task<LearningReport> ReportAsync(int days)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var from = StudyCalendar.ToInt(StudyCalendar.Date(clock.GetUtcNow().UtcDateTime).AddDays(1 - days));
        var args = new { from };
        var perDay = (await connection.QueryAsync<(int, long)>(
            "SELECT studied_day, COUNT(*) FROM lesson_progress WHERE studied_day >= @from GROUP BY studied_day ORDER BY studied_day", args, transaction)).ToList();
        var lessons = (await connection.QueryAsync<(string Id, long Count)>(
            "SELECT content_item_id, COUNT(*) FROM lesson_progress WHERE studied_day >= @from GROUP BY content_item_id ORDER BY COUNT(*) DESC LIMIT 200",
            args, transaction)).ToList();
        var items = (await contentManager.GetManyAsync(lessons.Select(l => l.Id).ToList())).ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var top = lessons.Where(l => items.ContainsKey(l.Id)).Take(10).Select(l => new Counted(l.Id, items[l.Id].DisplayText, l.Count)).ToList();
        var themes = lessons.Where(l => items.ContainsKey(l.Id))
            .SelectMany(l => (items[l.Id].Field<TaxonomyField>("Themes")?.TermIds ?? []).Select(t => (Theme: t, l.Count)))
            .GroupBy(t => t.Theme).Select(g => new Counted(g.Key, g.Key, g.Sum(t => t.Count))).OrderByDescending(c => c.Count).ToList();
        var groups = async (string column) => (await connection.QueryAsync<(string?, long, long)>($"""
            SELECT l.{column}, COUNT(*), COUNT(DISTINCT p.user_id) FROM lesson_progress p JOIN learner l ON l.user_id = p.user_id
            WHERE p.studied_day >= @from GROUP BY l.{column} ORDER BY COUNT(*) DESC LIMIT 50
            """, args, transaction)).ToList();
        var misses = searchMisses.FirstOrDefault() is { } report
            ? (await report.TopAsync(30)).Select(m => (m.Query, m.Times)).ToList()
            : [];
        var learners = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM learner", transaction: transaction);
        var active = await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT user_id) FROM study_day_log WHERE study_day >= @from", args, transaction);
        return new LearningReport(perDay, top, themes, await groups("region_id"), await groups("organisation_id"), misses, learners, active);
    }
}
