using CivicsClass.Content.Security;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Live;
using CivicsClass.Learning.Study;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Contests.Site;

/// <summary>
/// A live final on the site: a worker joins on their phone and answers what the server pushes; the
/// projector in the hall shows the same question, its countdown and the teams' scores.
/// </summary>
[Authorize]
internal sealed class LiveFinalController(
    ISession session, LiveRoomStore rooms, LiveFinalService finals, LiveTeams teams, ContestDirectory contests, IStringLocalizer<SiteText> text)
    : Controller
{
    private const int MaxRoomId = 32;

    private long Me => User.LearnerId() ?? throw new InvalidOperationException("A signed-in learner is required.");

    [HttpGet]
    public async Task<IActionResult> Room(string roomId)
    {
        if (await RoomAsync(roomId) is not var (room, contest))
        {
            return NotFound();
        }

        var team = await rooms.TeamOfAsync(room.Id, Me);
        string? refusal = null;
        if (team is null && room.FinishedUtc is null)
        {
            // Whether they may join is told now, not after they press the button.
            refusal = await CanJoinAsync(room) ? null : LiveRefusals.NotATeam.Message;
        }

        var teamName = team is null ? null : (await teams.AllAsync()).FirstOrDefault(t => t.Id == team).Name;
        return View(new LiveFinalPhoneViewModel(new PageMeta(text["LiveFinal"] + " · " + contest.Title), room.Id, contest.Title, contest.Path,
            teamName, refusal ?? TempData["Message"] as string, room.FinishedUtc is not null));
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ContestsModule.RateLimit)]
    public async Task<IActionResult> Join(string roomId)
    {
        if (roomId.Length > MaxRoomId)
        {
            return NotFound();
        }

        var (_, refusal) = await finals.JoinAsync(roomId, Me);
        await session.SaveChangesAsync();
        if (refusal?.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = refusal?.Message;
        return LocalRedirect($"/contests/live/{roomId}");
    }

    /// <summary>One answer to the question on screen, sent by the phone's script: 204, or a problem saying why it was not taken.</summary>
    [HttpPost]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ContestsModule.RateLimit)]
    public async Task<IActionResult> Answer(string roomId, [FromForm] int number, [FromForm] int option)
    {
        if (!ModelState.IsValid || roomId.Length > MaxRoomId)
        {
            return Problem(title: LiveRefusals.BadAnswer.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var refusal = await finals.AnswerAsync(roomId, Me, number, option);
        await session.SaveChangesAsync();
        return refusal is null ? NoContent() : Problem(title: refusal.Message, statusCode: refusal.Status);
    }

    [HttpGet]
    [RequirePermission(Permissions.RunLiveFinals)]
    public async Task<IActionResult> Projector(string roomId)
    {
        if (await RoomAsync(roomId) is not var (room, contest))
        {
            return NotFound();
        }

        var join = $"{Request.Scheme}://{Request.Host}/contests/live/{room.Id}";
        return View(new LiveFinalProjectorViewModel(new PageMeta(text["LiveFinal"] + " · " + contest.Title), room.Id, contest.Title, join, QrCodes.Svg(join)));
    }

    private async Task<bool> CanJoinAsync(LiveRoom room) =>
        await teams.TeamOfAsync(room.Teams, (await Learners.GetAsync(session, Me))?.OrganisationId) is not null;

    private async Task<(LiveRoom Room, Contest Contest)?> RoomAsync(string roomId) =>
        roomId.Length <= MaxRoomId && await rooms.GetAsync(roomId) is { } room && await contests.GetAsync(room.ContestId) is { } contest
            ? (room, contest) : null;
}
