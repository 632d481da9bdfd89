using System.Globalization;
using CivicsClass.Content.Seeds;
using CivicsClass.Learning.Study;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Learning.Tests.Analytics;

/// <summary>
/// Editors read what workers study and search for as charts: every day of the span, searches counted
/// as they happen, and what rose this week against the four weeks before.
/// </summary>
public abstract class AnalyticsChartsTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    private static readonly string s_strike = SeedIds.For("Lesson", "anyuan-great-strike-1922");
    private static readonly string s_erqi = SeedIds.For("Lesson", "erqi-strike-1923");

    [SkippableFact]
    public async Task Charts_ShowEveryDay_CountSearchesAsTheyHappen_AndNameWhatRoseThisWeek()
    {
        await using var database = await new TProvider().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["Search:TallySeconds"] = "1" });
        var editor = (await AdminPeople.SignInAsync(factory, "charts", "Editor"))["Editor"];
        var today = StudyCalendar.Date(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        int Day(int daysAgo) => StudyCalendar.ToInt(today.AddDays(-daysAgo));
        // The strike lesson: five learners this week, none before. The Erqi lesson: one this week, eight in the four weeks before.
        var studies = Enumerable.Range(1, 5).Select(n => (User: 900_000L + n, Lesson: s_strike, Day: Day(n % 3)))
            .Append((User: 900_100L, Lesson: s_erqi, Day: Day(0)))
            .Concat(Enumerable.Range(1, 8).Select(n => (User: 900_200L + n, Lesson: s_erqi, Day: Day(7 + n * 3))));
        await ExecuteAsync(factory, """
            INSERT INTO lesson_progress (user_id, content_item_id, started_utc, studied_utc, studied_day)
            VALUES (@User, @Lesson, @Started, @Started, @Day)
            """, studies.Select(s => new { s.User, s.Lesson, s.Day, Started = StudyCalendar.StartUtc(s.Day).AddHours(9) }));
        // "劳模" was searched much more a fortnight ago than this week; "安全生产" is new this week.
        await ExecuteAsync(factory, "INSERT INTO search_day (day, query, searches, misses) VALUES (@Day, @Query, @Searches, 0)",
            new[] { new { Day = Day(14), Query = "劳模", Searches = 40 }, new { Day = Day(0), Query = "劳模", Searches = 2 } });

        var anonymous = FormClient.For(factory);
        for (var n = 0; n < 3; n++)
        {
            await anonymous.GetStringAsync("/search?q=" + Uri.EscapeDataString("安全生产"));
        }

        await anonymous.GetStringAsync("/search?q=" + Uri.EscapeDataString("鲸鱼飞船"));
        await anonymous.GetStringAsync("/search?q=" + Uri.EscapeDataString("安全生产") + "&page=2"); // paging counts once
        var counted = await WaitForAsync(factory, "SELECT COALESCE(SUM(searches), 0) FROM search_day WHERE day = @day", Day(0), expected: 6);

        var report = await editor.GetStringAsync("/admin/analytics?days=30");
        var week = await editor.GetStringAsync("/admin/analytics?days=7");

        Assert.Equal(6, counted); // 2 inserted + 3 + 1
        Assert.Equal(30, Rows(report, "每日学完课程"));
        Assert.Equal(7, Rows(week, "每日学完课程"));
        Assert.Contains("role=\"img\"", report);
        Assert.Contains("<td>" + today.ToString("M月d日", CultureInfo.InvariantCulture) + "</td><td>6</td>", report); // today's searches
        Assert.Contains("每日没有搜到结果的搜索", report);
        Assert.Contains("按行业（学完人次）", report);
        var rising = Section(report, "升温的课程", "升温的搜索词");
        Assert.Contains("安源路矿", rising);
        Assert.Contains("本周 5 人次", rising);
        Assert.DoesNotContain("二七", rising);
        var searches = Section(report, "升温的搜索词", "学得最多的课程");
        Assert.Contains("“安全生产”</a>：本周 3 次", searches);
        Assert.DoesNotContain("劳模", searches);
    }

    private static async Task ExecuteAsync(SiteFactory factory, string sql, object rows)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, rows, transaction);
        await session.SaveChangesAsync();
    }

    private static async Task<long> WaitForAsync(SiteFactory factory, string sql, int day, long expected)
    {
        var value = 0L;
        for (var attempt = 0; attempt < 100 && value < expected; attempt++)
        {
            await Task.Delay(200);
            await using var scope = factory.Services.CreateAsyncScope();
            var (connection, transaction) = await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().GetConnectionAsync();
            value = await connection.ExecuteScalarAsync<long>(sql, new { day }, transaction);
        }

        return value;
    }

    /// <summary>The rows of a chart's table of figures.</summary>
    private static int Rows(string html, string title)
    {
        var figure = Section(html, title, "</figure>");
        return System.Text.RegularExpressions.Regex.Matches(Section(figure, "<tbody>", "</tbody>"), "<tr>").Count;
    }

    private static string Section(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{from} is on the page");
        var end = html.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}

public sealed class SqliteAnalyticsChartsTests : AnalyticsChartsTests<Sqlite>;

public sealed class PostgresAnalyticsChartsTests : AnalyticsChartsTests<Postgres>;
