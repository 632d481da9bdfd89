using System.Globalization;
using System.Text;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Security;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Rankings;
using CivicsClass.Contests.Rounds;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Study;
using Microsoft.AspNetCore.Mvc;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Contests.Admin;

/// <summary>
/// Contest standings for editors: organisations and regions with each measure, people by real name,
/// a CSV for the awards, and the recent rounds, any of which can be voided with a reason.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContestStandings)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class ContestStandingsController(ContestDirectory contests, StandingsReader standings, RoundStore rounds, ISession session, TimeProvider clock)
    : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = (await contests.ListAsync()).Select(c => new ContestLinkRow(c.Id, c.Title, $"{Date(c.StartsUtc)} 至 {Date(c.EndsUtc)}", c.IsRunning(now))).ToList();
        return View(new ContestIndexViewModel("知识竞赛", list));
    }

    [HttpGet]
    public async Task<IActionResult> Standings(string id)
    {
        if (await contests.GetAsync(id) is not { } contest)
        {
            return NotFound();
        }

        var organisations = await standings.CountGroupsAsync(contest, GroupKind.Organisation);
        var regions = await standings.CountGroupsAsync(contest, GroupKind.Region);
        var (people, _) = await standings.PeopleAsync(contest, 50, null);
        var names = await Learners.NamesAsync(session, people.Select(p => p.UserId).Concat((await rounds.RecentAsync(contest.Id, 50)).Select(r => r.UserId)).Distinct().ToList());
        var recent = (await rounds.RecentAsync(contest.Id, 50)).Select(r => new ContestRoundRow(r.Id, r.UserId, names.GetValueOrDefault(r.UserId, r.UserId.ToString(CultureInfo.InvariantCulture)),
            Date(r.StartedUtc, withTime: true), $"{r.Correct}/{r.Total}", r.Points ?? 0, r.VoidedUtc is not null, r.VoidReason)).ToList();
        var w = contest.Weights;
        return View(new ContestStandingsViewModel($"竞赛排名：{contest.Title}", contest.Id,
            $"参与率 {w.Participation} · 覆盖率 {w.Coverage} · 平均最好成绩 {w.Score} · 活跃度 {w.Activity}",
            organisations.Select(Row).ToList(), regions.Select(Row).ToList(),
            people.Select(p => new PersonStandingRow(p.Rank, p.UserId, names.GetValueOrDefault(p.UserId, ""), p.BestCorrect, Percent(p.BestRatio), p.Lit, p.Rounds)).ToList(),
            recent, TempData["Message"] as string, TempData["Error"] as string));
    }

    /// <summary>The organisations' standings as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese).</summary>
    [HttpGet]
    public async Task<IActionResult> Csv(string id)
    {
        if (await contests.GetAsync(id) is not { } contest)
        {
            return NotFound();
        }

        var csv = StandingsCsv.Write(await standings.CountGroupsAsync(contest, GroupKind.Organisation));
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"contest-{contest.Id}-organisations.csv");
    }

    [HttpPost]
    [RequirePermission(Permissions.VoidContestRounds)]
    public async Task<IActionResult> Void(string id, string roundId, [FromForm] string? reason, [FromServices] RoundService service)
    {
        if (await rounds.GetAsync(roundId) is not { } round || round.ContestId != id)
        {
            return NotFound();
        }

        reason = reason?.Trim() ?? "";
        if (reason.Length is < 2 or > 200)
        {
            TempData["Error"] = "请写明作废的原因（2 到 200 个字），这一轮没有变动。";
            return LocalRedirect($"/admin/contests/{id}");
        }

        var editor = User.LearnerId() is { } me ? await Learners.NameAsync(session, me) : "";
        var (refusal, withdrawn) = await service.VoidAsync(roundId, $"{reason}（{editor} 作废）");
        await session.SaveChangesAsync();
        TempData[refusal is null ? "Message" : "Error"] = refusal?.Message
            ?? $"已作废这一轮，{round.Points ?? 0} 分已冲正。" + (withdrawn ? "此人的竞赛结业证书随之撤回（证书编号不再能核验），重新达标后会颁发新证书。" : "");
        return LocalRedirect($"/admin/contests/{id}");
    }

    private static GroupStandingRow Row(GroupStanding g) => new(g.Rank, g.Name, g.Depth, g.Members, g.Participants,
        Percent(g.Participation), Percent(g.Coverage), Percent(g.AverageBest), Percent(g.Activity), g.Score.ToString("0.##", CultureInfo.InvariantCulture));

    private static string Percent(double value) => value.ToString("0.#%", CultureInfo.InvariantCulture);

    private static string Date(DateTime utc, bool withTime = false) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(StudyCalendar.Offset).ToString(withTime ? "yyyy年M月d日 HH:mm" : "yyyy年M月d日", CultureInfo.InvariantCulture);
}
