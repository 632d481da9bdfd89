using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Security;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Live;
using CivicsClass.Learning.Study;
using Microsoft.AspNetCore.Mvc;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Contests.Admin;

/// <summary>
/// Live finals for editors: open a room for a contest with the organisations that compete, then push
/// the questions one by one while the projector and the phones follow.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.RunLiveFinals)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class LiveFinalAdminController(ContestDirectory contests, LiveFinalService finals, LiveRoomStore rooms, LiveTeams teams, ISession session, TimeProvider clock)
    : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string id)
    {
        if (await contests.GetAsync(id) is not { } contest)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var list = (await rooms.ForContestAsync(contest.Id)).Select(r => new LiveRoomLink(r.Id,
            DateTime.SpecifyKind(r.OpenedUtc, DateTimeKind.Utc).Add(StudyCalendar.Offset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture),
            State(r.Stage(now), r.Position, r.Questions.Count))).ToList();
        return View(new LiveFinalIndexViewModel($"现场决赛：{contest.Title}", contest.Id, contest.LiveFinal,
            (await teams.AllAsync()).Select(t => new LiveTeamChoice(t.Id, t.Name, t.Depth)).ToList(), list, TempData["Error"] as string));
    }

    [HttpPost]
    public async Task<IActionResult> Open(string id, [FromForm] List<string>? teamIds, [FromForm] int questions, [FromForm] int seconds)
    {
        if (await contests.GetAsync(id) is not { } contest)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            TempData["Error"] = LiveRefusals.BadSettings.Message;
            return LocalRedirect($"/admin/contests/{id}/live");
        }

        var (room, refusal) = await finals.OpenAsync(contest, teamIds ?? [], questions, seconds, User.LearnerId() ?? 0);
        await session.SaveChangesAsync();
        if (room is null)
        {
            TempData["Error"] = refusal!.Message;
            return LocalRedirect($"/admin/contests/{id}/live");
        }

        TempData["Message"] = "决赛已开设：请把大屏投影打开，等参赛职工用手机加入后推送第 1 题。";
        return LocalRedirect($"/admin/live-finals/{room.Id}");
    }

    [HttpGet]
    public async Task<IActionResult> Room(string roomId)
    {
        if (roomId.Length > 32 || await rooms.GetAsync(roomId) is not { } room || await finals.SnapshotAsync(roomId) is not { } snapshot)
        {
            return NotFound();
        }

        var stage = room.Stage(clock.GetUtcNow().UtcDateTime);
        var current = room.Position >= 1 && room.Position <= room.Questions.Count ? room.Questions[room.Position - 1] : null;
        var join = $"{Request.Scheme}://{Request.Host}/contests/live/{room.Id}";
        return View(new LiveFinalRoomViewModel($"现场决赛：{snapshot.Contest}", room.Id, room.ContestId, State(stage, room.Position, room.Questions.Count),
            room.Position, room.Questions.Count, current?.Question, current is null ? null : current.Options[current.Answer], snapshot.Answers, room.QuestionSeconds,
            snapshot.Teams.Select(t => new LiveTeamRow(t.Rank, t.Name, t.Players, t.Correct, t.Score)).ToList(),
            $"/contests/live/{room.Id}/projector", join, TempData["Message"] as string, TempData["Error"] as string));
    }

    /// <summary>Pushes the next question (or ends the final after the last); <paramref name="position"/> is the question the editor saw.</summary>
    [HttpPost]
    public async Task<IActionResult> Next(string roomId, [FromForm] int position)
    {
        if (roomId.Length > 32)
        {
            return NotFound();
        }

        var refusal = await finals.AdvanceAsync(roomId, position);
        await session.SaveChangesAsync();
        if (refusal?.Status == 404)
        {
            return NotFound();
        }

        TempData["Error"] = refusal?.Message;
        return LocalRedirect($"/admin/live-finals/{roomId}");
    }

    [HttpPost]
    public async Task<IActionResult> Finish(string roomId)
    {
        if (roomId.Length > 32)
        {
            return NotFound();
        }

        var refusal = await finals.FinishAsync(roomId);
        await session.SaveChangesAsync();
        if (refusal?.Status == 404)
        {
            return NotFound();
        }

        TempData[refusal is null ? "Message" : "Error"] = refusal?.Message ?? "决赛已结束，大屏和手机上显示最终排名。";
        return LocalRedirect($"/admin/live-finals/{roomId}");
    }

    private static string State(LiveStage stage, int position, int total) => stage switch
    {
        LiveStage.Lobby => "等待开始",
        LiveStage.Question => $"第 {position}/{total} 题作答中",
        LiveStage.Closed => $"第 {position}/{total} 题已截止",
        _ => "已结束",
    };
}
