using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Maintenance;
using CivicsClass.Media.Forms;
using CivicsClass.Accounts;
using CivicsClass.Data.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial;

/// <summary>
/// Background work for administrators: every job's last run, the node that made it and how it ended (from <see cref="IJobReport"/>); what waits in the search queue and what failed there (with
/// the error, and a button to try again now), the publishes scheduled, when each leaderboard
/// period was last rolled up, what the last removal of expired data removed (with a button to run it now), and the lessons' generated forms.
/// </summary>
[Route("admin/jobs")]
[RequirePermission(SitePermissions.ManageSettings)]
public sealed class JobsController(ISession session, Search.Indexing.SearchIndexer indexer, Search.Engine.SearchIndex search, ExpiredDataCleanup cleanup, LeaderboardReader leaderboards,
    IFormJobReport forms, IJobReport jobRuns, IEnumerable<IHostedService> hosted, IEnumerable<IExpiredDataSweep> sweeps, TimeProvider clock)
    : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var failures = await Search.Indexing.IndexLog.FailuresAsync(session, 100);
        var scheduled = await PublishSchedule.ListAsync(session);
        // Titles from the index, not the items: an item that cannot be read may be why its job failed.
        var formJobs = await forms.ReadAsync(50);
        var titles = await ContentIndexReads.LatestTitlesAsync(session,
            [.. failures.Select(f => f.ContentItemId), .. scheduled.Select(s => s.ContentItemId), .. formJobs.Open.Select(f => f.ContentItemId)]);
        string Title(string id) => titles.GetValueOrDefault(id) ?? id;
        var rollups = await leaderboards.RollupsAsync();
        var runs = await jobRuns.ReadAsync(HttpContext.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        return View(new JobsViewModel("后台任务", (string?)TempData["Message"],
            JobRunRows.From(runs, hosted.OfType<IntervalJob>(), now),
            await SearchStatusAsync(),
            failures.Select(f => new FailedJobRow(f.Id, Title(f.ContentItemId), f.Attempts, f.LastError ?? "", When(f.FailedUtc))).ToList(),
            scheduled.Select(s => new ScheduledRow(Title(s.ContentItemId), $"/admin/content/edit/{s.ContentItemId}", When(s.DueUtc))).ToList(),
            rollups.Select(r => new RollupRow(PeriodName(r.Period), r.Learners, r.RolledUtc is { } at ? When(at) : "还没有")).ToList(),
            JobRunRows.Sweeps(runs, sweeps, now),
            new FormJobsView(
                formJobs.Counts.Select(c => new FormCountRow(FormKindName(c.Kind), FormStateName(c.State), c.Jobs)).ToList(),
                formJobs.Open.Select(f => new FormJobRow(f.Id, Title(f.ContentItemId), $"/admin/content/edit/{f.ContentItemId}", FormKindName(f.Kind),
                    FormStateName(f.State), f.Attempts, f.Error, When(f.CreatedUtc))).ToList())));
    }

    /// <summary>A leaderboard period as people say it: <c>d20261205</c> is 2026年12月5日（日榜）.</summary>
    internal static string PeriodName(string period) =>
        period.Length == 9 && period[0] is 'd' or 'w'
            && DateTime.TryParseExact(period[1..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? period[0] == 'd' ? $"{date:yyyy年M月d日}（日榜）" : $"{date:yyyy年M月d日}起的一周（周榜）"
            : period == "all" ? "总榜" : period;

    private static string FormKindName(string kind) => kind switch
    {
        FormKinds.Narration => "语音朗读",
        FormKinds.MindMap => "思维导图",
        _ => kind,
    };

    private static string FormStateName(string state) => state switch
    {
        FormState.Pending => "等待生成",
        FormState.Running => "正在生成",
        FormState.Ready => "已生成",
        FormState.Failed => "失败",
        FormState.Unavailable => "本机缺少生成工具",
        _ => state,
    };

    private async Task<SearchIndexStatus> SearchStatusAsync()
    {
        var head = await indexer.HeadAsync();
        return new SearchIndexStatus(search.Count, search.Cursor, head.Seq, Math.Max(0, head.Seq - search.Cursor), $"{search.SizeOnDisk / 1024.0 / 1024.0:F1} MB");
    }

    [HttpPost("cleanup/run")]
    public IActionResult RunCleanup()
    {
        cleanup.RunNow();
        TempData["Message"] = "已安排立即清理过期数据，稍后刷新本页查看结果。";
        return LocalRedirect("/admin/jobs");
    }

    [HttpPost("search/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id)
    {
        if (!await Search.Indexing.IndexLog.RetryAsync(session, id, clock.GetUtcNow().UtcDateTime))
        {
            return NotFound();
        }

        await session.SaveChangesAsync();
        await indexer.CatchUpAsync();
        await indexer.AnnounceAsync();
        TempData["Message"] = "已安排立即重试。";
        return LocalRedirect("/admin/jobs");
    }
}
