using CivicsClass.Accounts;
using CivicsClass.AdminTheme;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Data.Jobs;
using CivicsClass.Editorial.Publishing;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Maintenance;
using CivicsClass.Media.Forms;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Editorial.Jobs;

/// <summary>
/// Background work for administrators: every job's last run, the node that made it and how it ended (from <see cref="IJobReport"/>); what waits in the search queue and what failed there (with
/// the error, and a button to try again now), the publishes scheduled, when each leaderboard
/// period was last rolled up, what the last removal of expired data removed (with a button to run it now), and the lessons' generated forms.
/// </summary>
[RequirePermission(SitePermissions.ManageSettings)]
internal sealed class JobsController(ISession session, SearchIndexer indexer, SearchIndex search, ExpiredDataCleanup cleanup, LeaderboardReader leaderboards,
    IFormJobReport forms, IJobReport jobRuns, IEnumerable<IHostedService> hosted, IEnumerable<IExpiredDataSweep> sweeps, TimeProvider clock,
    IStringLocalizer<AdminText> text)
    : EditorialAdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var failures = await IndexLog.FailuresAsync(session, 100);
        var scheduled = await PublishSchedule.ListAsync(session);
        // Titles from the index, not the items: an item that cannot be read may be why its job failed.
        var formJobs = await forms.ReadAsync(50);
        var titles = await ContentIndexReads.LatestTitlesAsync(session,
            [.. failures.Select(f => f.ContentItemId), .. scheduled.Select(s => s.ContentItemId), .. formJobs.Open.Select(f => f.ContentItemId)]);
        string Title(string id) => titles.GetValueOrDefault(id) ?? id;
        var rollups = await leaderboards.RollupsAsync();
        var runs = await jobRuns.ReadAsync(HttpContext.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new JobRunRows(text);
        return View(new JobsViewModel(text["JobsTitle"], (string?)TempData["Message"],
            rows.From(runs, hosted.OfType<IntervalJob>(), now),
            await SearchStatusAsync(),
            failures.Select(f => new FailedJobRow(f.Id, Title(f.ContentItemId), f.Attempts, f.LastError ?? "", When(f.FailedUtc))).ToList(),
            scheduled.Select(s => new ScheduledRow(Title(s.ContentItemId), $"/admin/content/edit/{s.ContentItemId}", When(s.DueUtc))).ToList(),
            rollups.Select(r => new RollupRow(JobNames.PeriodName(text, r.Period), r.Learners, r.RolledUtc is { } at ? When(at) : text["JobsNever"])).ToList(),
            rows.Sweeps(runs, sweeps, now),
            new FormJobsView(
                formJobs.Counts.Select(c => new FormCountRow(JobNames.FormKindName(text, c.Kind), JobNames.FormStateName(text, c.State), c.Jobs)).ToList(),
                formJobs.Open.Select(f => new FormJobRow(f.Id, Title(f.ContentItemId), $"/admin/content/edit/{f.ContentItemId}", JobNames.FormKindName(text, f.Kind),
                    JobNames.FormStateName(text, f.State), f.Attempts, f.Error, When(f.CreatedUtc))).ToList())));
    }

    [HttpPost]
    public IActionResult RunCleanup()
    {
        cleanup.RunNow();
        TempData["Message"] = text["JobsCleanupQueued"].Value;
        return LocalRedirect("/admin/jobs");
    }

    [HttpPost]
    public async Task<IActionResult> Retry(long id)
    {
        if (!await IndexLog.RetryAsync(session, id, clock.GetUtcNow().UtcDateTime))
        {
            return NotFound();
        }

        await session.SaveChangesAsync();
        await indexer.CatchUpAsync();
        await indexer.AnnounceAsync();
        TempData["Message"] = text["JobsRetryQueued"].Value;
        return LocalRedirect("/admin/jobs");
    }

    private async Task<SearchIndexStatus> SearchStatusAsync()
    {
        var head = await indexer.HeadAsync();
        return new SearchIndexStatus(search.Count, search.Cursor, head.Seq, Math.Max(0, head.Seq - search.Cursor), $"{search.SizeOnDisk / 1024.0 / 1024.0:F1} MB");
    }
}
