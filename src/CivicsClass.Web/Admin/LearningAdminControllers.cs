using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Content.Security;
using CivicsClass.Web.Accounts;
using CivicsClass.Web.Site;
using Microsoft.AspNetCore.Mvc;
using CivicsClass.Learning.Analytics;
using CivicsClass.Learning.Maintenance;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;
using CivicsClass.Learning.TopicRequests;

namespace CivicsClass.Web.Admin;

/// <summary>Administrators set what each activity pays, its daily cap and its condition's settings.</summary>
[Route("admin/points")]
[RequirePermission(SitePermissions.ManagePointsRules)]
public sealed class PointsRulesController(PointsRuleStore rules, ISession session) : AdminControllerBase
{
    private const string Title = "积分规则";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync((string?)TempData["Message"], new Dictionary<string, string>()));

    /// <summary>Saves one rule; a refused value is explained beside its field and nothing is saved.</summary>
    [HttpPost("{name}")]
    public async Task<IActionResult> Save(string name, [FromForm] string? displayName, [FromForm] string? description, [FromForm] string? points,
        [FromForm] string? dailyCap, [FromForm] bool enabled, IFormCollection form)
    {
        var rule = (await session.GetAllAsync<PointsRule>()).FirstOrDefault(r => r.Name == name);
        if (rule is null)
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var edited = new PointsRule
        {
            Name = name, DisplayName = displayName?.Trim() ?? "", Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(), Enabled = enabled,
        };
        if (!int.TryParse(points, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors["Points"] = "积分须是整数";
        }

        edited.Points = value;
        if (!string.IsNullOrWhiteSpace(dailyCap))
        {
            if (int.TryParse(dailyCap, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cap))
            {
                edited.DailyCap = cap;
            }
            else
            {
                errors["DailyCap"] = "每日上限须是整数，或留空表示不设上限";
            }
        }

        foreach (var setting in Activities.Settings.GetValueOrDefault(name, []))
        {
            var raw = form["s:" + setting].ToString();
            if (raw.Length == 0)
            {
                continue;
            }

            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                edited.Settings[setting] = number;
            }
            else
            {
                errors["Settings." + setting] = "须是数字";
            }
        }

        foreach (var (field, problem) in PointsRuleStore.Validate(edited))
        {
            errors.TryAdd(field, problem);
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync($"“{rule.DisplayName}”没有保存，请按提示修改。", errors.ToDictionary(e => $"{name}.{e.Key}", e => e.Value)));
        }

        (rule.DisplayName, rule.Description, rule.Points, rule.DailyCap, rule.Enabled, rule.Settings) =
            (edited.DisplayName, edited.Description, edited.Points, edited.DailyCap, edited.Enabled, edited.Settings);
        await rules.SaveAsync(session, rule);
        await session.SaveChangesAsync();
        TempData["Message"] = $"已保存“{rule.DisplayName}”。新规则从下一次得分起生效，已得的积分不变。";
        return LocalRedirect("/admin/points");
    }

    private async Task<PointsRulesViewModel> ModelAsync(string? message, IReadOnlyDictionary<string, string> errors) =>
        new(Title, (await session.GetAllAsync<PointsRule>()).Select(r => new PointsRuleRow(r.Name, r.DisplayName, r.Description, r.Points, r.DailyCap, r.Enabled,
            Activities.Settings.GetValueOrDefault(r.Name, []).Select(s => new PointsSettingRow(s, r.Settings.TryGetValue(s, out var v) ? v : null)).ToList())).ToList(),
            message, errors);
}

/// <summary>What workers study, search for and ask for, for editors; editors with topic rights mark requests planned or done.</summary>
[Route("admin/analytics")]
[RequirePermission(SitePermissions.ViewAnalytics)]
public sealed class AnalyticsController(LearningAnalytics analytics, TopicRequestStore requests, TermCache terms, Permissions permissions, ISession session) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? days)
    {
        var span = Math.Clamp(days ?? 30, 1, 365);
        var report = await analytics.ReportAsync(span);
        var taxonomies = await terms.GetAsync();
        string Term(string alias, string? id) => id is null ? "（未填写）" : taxonomies.GetValueOrDefault(alias)?.Name(id) ?? id;
        return View(new AnalyticsViewModel("学习数据", span,
            report.PerDay.Select(d => new CountRow(StudyCalendar.FromInt(d.Day).ToString("M月d日", CultureInfo.InvariantCulture), d.Studies)).ToList(),
            report.TopLessons.Select(l => new CountRow(l.Name, l.Count, Url: $"/admin/content/edit/{l.Id}")).ToList(),
            report.Themes.Select(t => new CountRow(Term("Theme", t.Id), t.Count)).ToList(),
            report.Regions.Select(r => new CountRow(Term("Region", r.Id), r.Studies, r.Learners)).ToList(),
            report.Organisations.Select(o => new CountRow(Term("Organisation", o.Id), o.Studies, o.Learners)).ToList(),
            report.Misses.Select(m => new CountRow(m.Query, m.Times)).ToList(),
            (await requests.ListAsync(null, 50)).Select(r => new RequestAdminRow(r.Id, r.Title, r.Detail, r.Votes, r.Status)).ToList(),
            report.Learners, report.ActiveLearners, await permissions.HasAsync(ContentPermissions.ManageTopics)));
    }

    [HttpPost("requests/{id:long}")]
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

/// <summary>
/// A worker's points ledger for administrators, who reverse a wrong award with a reason. A reversal
/// is a new negative entry naming the original and who reversed it; nothing is edited or deleted, and
/// points a daily cap held back because of the reversed entry are paid back.
/// </summary>
[Route("admin/points/ledger")]
[RequirePermission(SitePermissions.CorrectPoints)]
public sealed class PointsLedgerController(PointsLedger ledger, PointsRuleStore rules, ISession session, Permissions permissions) : AdminControllerBase
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q)
    {
        var found = new List<LearnerLink>();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var parameters = new { q = "%" + q.Trim().ToUpperInvariant() + "%" };
            var users = await session.QueryAsync<User>("user_index", "i.normalized_user_name LIKE @q OR i.display_name LIKE @q", parameters,
                orderBy: "i.created_utc DESC", take: 20);
            found.AddRange(users.Select(Link));
        }

        return View(new PointsLedgerViewModel("积分记录", q, found, null, 0, [], null, null, null));
    }

    [HttpGet("{userId:long}")]
    public async Task<IActionResult> Learner(long userId, long? before) =>
        await session.GetAsync<User>(userId) is { } user ? View("Index", await ModelAsync(user, before, (string?)TempData["Message"], (string?)TempData["Error"])) : NotFound();

    [HttpPost("{userId:long}/{entryId:long}/reverse")]
    public async Task<IActionResult> Reverse(long userId, long entryId, [FromForm] string? reason)
    {
        if (await ledger.EntryAsync(entryId) is not { } entry || entry.UserId != userId)
        {
            return NotFound();
        }

        reason = reason?.Trim() ?? "";
        if (reason.Length is < 2 or > 200)
        {
            TempData["Error"] = "请写明撤销的原因（2 到 200 个字），积分没有变动。";
            return LocalRedirect($"/admin/points/ledger/{userId}");
        }

        var rule = (await rules.AllAsync()).GetValueOrDefault(entry.Rule);
        var (refusal, _, restored) = await ledger.ReverseAsync(entryId, $"{reason}（{permissions.User.DisplayName()} 撤销）", rule);
        await session.SaveChangesAsync();
        var points = entry.Points.ToString(CultureInfo.InvariantCulture);
        TempData[refusal == ReversalRefusal.None ? "Message" : "Error"] = refusal switch
        {
            ReversalRefusal.None when restored > 0 => $"已撤销 {points} 分；当天被上限挡下的 {restored} 分已补发。",
            ReversalRefusal.None => $"已撤销 {points} 分。",
            ReversalRefusal.AlreadyReversed => "这条记录已经撤销过，积分没有变动。",
            _ => "撤销记录本身不能再撤销，积分没有变动。",
        };
        return LocalRedirect($"/admin/points/ledger/{userId}");
    }

    private async Task<PointsLedgerViewModel> ModelAsync(User user, long? before, string? message, string? error)
    {
        var entries = await ledger.EntriesAsync(user.Id, PageSize, before);
        var names = await rules.AllAsync();
        var reversed = entries.Where(e => e.ReversesId is not null).Select(e => e.ReversesId!.Value).ToHashSet();
        var rows = entries.Select(e => new LedgerRow(e.Id, When(e.CreatedUtc), e.StudyDay, names.GetValueOrDefault(e.Rule)?.DisplayName ?? e.Rule, e.Points, e.Reason,
            e.ReversesId is { } original ? $"撤销 #{original}" : e.RestoresId is { } restores ? $"补发（因撤销 #{restores}）" : reversed.Contains(e.Id) ? "已撤销" : null,
            e.ReversesId is null && e.Points != 0 && !reversed.Contains(e.Id))).ToList();
        return new PointsLedgerViewModel($"积分记录：{user.DisplayName}", null, [], Link(user), await ledger.BalanceAsync(user.Id), rows,
            entries.Count == PageSize ? entries[^1].Id : null, message, error);
    }

    private static LearnerLink Link(User user) => new(user.Id, user.DisplayName, user.UserName);
}

/// <summary>
/// Background work for administrators: what waits in the search queue and what failed there (with
/// the error, and a button to try again now), the publishes scheduled, when each leaderboard
/// period was last rolled up, and what the last removal of expired data removed (with a button to run it now).
/// </summary>
[Route("admin/jobs")]
[RequirePermission(SitePermissions.ManageSettings)]
public sealed class JobsController(ISession session, Search.Indexing.SearchIndexer indexer, Search.Engine.SearchIndex search, ExpiredDataCleanup cleanup, TimeProvider clock) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var failures = await Search.Indexing.IndexLog.FailuresAsync(session, 100);
        var scheduled = await PublishSchedule.ListAsync(session);
        var (connection, transaction) = await session.GetConnectionAsync();
        // Titles from the index, not the items: an item that cannot be read may be why its job failed.
        var titles = (await Dapper.SqlMapper.QueryAsync<(string Id, string Title)>(connection,
                $"SELECT content_item_id, display_text FROM content_item_index WHERE latest = TRUE AND {session.Dialect.InList("content_item_id", "ids")}",
                new { ids = failures.Select(f => f.ContentItemId).Concat(scheduled.Select(s => s.ContentItemId)).Distinct().ToArray() }, transaction))
            .ToDictionary(r => r.Id, r => r.Title);
        string Title(string id) => titles.GetValueOrDefault(id) ?? id;
        var rollups = await Dapper.SqlMapper.QueryAsync<(string Period, long Learners, DateTime? RolledUtc)>(connection,
            "SELECT period, learners, rolled_utc FROM rollup_state ORDER BY period", transaction: transaction);
        return View(new JobsViewModel("后台任务", (string?)TempData["Message"],
            await SearchStatusAsync(),
            failures.Select(f => new FailedJobRow(f.Id, Title(f.ContentItemId), f.Attempts, f.LastError ?? "", When(f.FailedUtc))).ToList(),
            scheduled.Select(s => new ScheduledRow(Title(s.ContentItemId), $"/admin/content/edit/{s.ContentItemId}", When(s.DueUtc))).ToList(),
            rollups.Select(r => new RollupRow(r.Period, r.Learners, r.RolledUtc is { } at ? When(at) : "还没有")).ToList(),
            (await MaintenanceRuns.ListAsync(session)).Select(Cleanup).ToList()));
    }

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

    private static CleanupRow Cleanup(MaintenanceRun run) => new(run.Name,
        run.Name switch
        {
            ExpiredDataCleanup.SupersededSessions => "被新窗口取代的学习记录",
            ExpiredDataCleanup.CompletedSessions => "已完成的学习记录",
            _ => run.Name,
        },
        run.LastRunUtc is { } started ? When(started) : "还没有",
        run.LastRemoved,
        run.FinishedUtc is { } finished && finished >= run.LastRunUtc ? run.LastError is null ? "完成" : "出错" : "进行中或已中断",
        run.LastError);

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
