using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Security;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Learning.Study;
using CivicsClass.Learning.TopicRequests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Learning.Analytics;

/// <summary>What workers study, search for and ask for, for editors; editors with topic rights mark requests planned or done.</summary>
[RequirePermission(Permissions.ViewAnalytics)]
public sealed class AnalyticsController(LearningAnalytics analytics, TopicRequestStore requests, ITermTrees terms, IAuthorizationService authorization, ISession session) : LearningAdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(int? days)
    {
        var span = Math.Clamp(days ?? 30, 1, 365);
        var report = await analytics.ReportAsync(span);
        var names = new Dictionary<(string, string), string>();
        foreach (var (alias, id) in report.Themes.Select(t => ("Theme", (string?)t.Id)).Concat(report.Industries.Select(t => ("Industry", (string?)t.Id)))
            .Concat(report.Regions.Select(r => ("Region", r.Id)))
            .Concat(report.Organisations.Select(o => ("Organisation", o.Id))))
        {
            if (id is not null && await terms.NameAsync(alias, id) is { } name)
            {
                names[(alias, id)] = name;
            }
        }

        string Term(string alias, string? id) => id is null ? "（未填写）" : names.GetValueOrDefault((alias, id)) ?? id;
        static string Day(DateOnly date) => date.ToString("M月d日", CultureInfo.InvariantCulture);
        ChartModel Series(string id, string title, string unit, Func<DayFigures, long> figure) =>
            new(id, title, unit, report.Days.Select(d => new ChartPoint(Day(d.Date), figure(d))).ToList());
        ChartModel ByTerm(string id, string title, string alias, IReadOnlyList<Counted> counted) =>
            new(id, title, "人次", counted.Take(12).Select(c => new ChartPoint(Term(alias, c.Id), c.Count)).ToList());
        return View(new AnalyticsViewModel("学习数据", span,
            [
                Series("studies", "每日学完课程", "节次", d => d.Studies),
                Series("learners", "每日学习人数", "人", d => d.Learners),
                Series("points", "每日发放积分", "分", d => d.Points),
                Series("searches", "每日搜索", "次", d => d.Searches),
                Series("misses", "每日没有搜到结果的搜索", "次", d => d.Misses),
                Series("requests", "每日职工点单", "个", d => d.Requests),
            ],
            report.TopLessons.Select(l => new CountRow(l.Name, l.Count, Url: $"/admin/content/edit/{l.Id}")).ToList(),
            ByTerm("themes", "按主题（学完人次）", "Theme", report.Themes),
            ByTerm("industries", "按行业（学完人次）", "Industry", report.Industries),
            report.Regions.Select(r => new CountRow(Term("Region", r.Id), r.Studies, r.Learners)).ToList(),
            report.Organisations.Select(o => new CountRow(Term("Organisation", o.Id), o.Studies, o.Learners)).ToList(),
            report.Misses.Select(m => new CountRow(m.Query, m.Times)).ToList(),
            report.RisingLessons.Select(t => new TrendRow(t.Name, t.ThisWeek, t.WeeklyBefore, $"/admin/content/edit/{t.Key}")).ToList(),
            report.RisingSearches.Select(t => new TrendRow(t.Name, t.ThisWeek, t.WeeklyBefore, "/search?q=" + Uri.EscapeDataString(t.Key))).ToList(),
            (await requests.ListAsync(null, 50)).Select(r => new RequestAdminRow(r.Id, r.Title, r.Detail, r.Votes, r.Status)).ToList(),
            report.Learners, report.ActiveLearners, (await authorization.AuthorizeAsync(User, PermissionPolicy.For(ContentPermissions.ManageTopics))).Succeeded));
    }

    [HttpPost]
    [RequirePermission(ContentPermissions.ManageTopics)]
    public async Task<IActionResult> SetStatus(long id, [FromForm] string? status)
    {
        if (!await requests.SetStatusAsync(id, status ?? ""))
        {
            return NotFound();
        }

        await session.SaveChangesAsync();
        return LocalRedirect("/admin/analytics#requests");
    }
}
