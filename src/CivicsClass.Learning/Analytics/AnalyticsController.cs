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
        foreach (var (alias, id) in report.Themes.Select(t => ("Theme", (string?)t.Id)).Concat(report.Regions.Select(r => ("Region", r.Id)))
            .Concat(report.Organisations.Select(o => ("Organisation", o.Id))))
        {
            if (id is not null && await terms.NameAsync(alias, id) is { } name)
            {
                names[(alias, id)] = name;
            }
        }

        string Term(string alias, string? id) => id is null ? "（未填写）" : names.GetValueOrDefault((alias, id)) ?? id;
        return View(new AnalyticsViewModel("学习数据", span,
            report.PerDay.Select(d => new CountRow(StudyCalendar.FromInt(d.Day).ToString("M月d日", CultureInfo.InvariantCulture), d.Studies)).ToList(),
            report.TopLessons.Select(l => new CountRow(l.Name, l.Count, Url: $"/admin/content/edit/{l.Id}")).ToList(),
            report.Themes.Select(t => new CountRow(Term("Theme", t.Id), t.Count)).ToList(),
            report.Regions.Select(r => new CountRow(Term("Region", r.Id), r.Studies, r.Learners)).ToList(),
            report.Organisations.Select(o => new CountRow(Term("Organisation", o.Id), o.Studies, o.Learners)).ToList(),
            report.Misses.Select(m => new CountRow(m.Query, m.Times)).ToList(),
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
