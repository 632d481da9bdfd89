using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Security;
using CivicsClass.Learning.Study;
using Microsoft.AspNetCore.Mvc;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Learning.Points;

/// <summary>
/// A worker's points ledger for administrators, who reverse a wrong award with a reason. A reversal
/// is a new negative entry naming the original and who reversed it; nothing is edited or deleted, and
/// points a daily cap held back because of the reversed entry are paid back.
/// </summary>
[RequirePermission(Permissions.CorrectPoints)]
public sealed class PointsLedgerController(PointsLedger ledger, PointsRuleStore rules, ISession session, IPeopleDirectory people) : LearningAdminControllerBase
{
    private const int PageSize = 100;

    [HttpGet]
    public async Task<IActionResult> Index(string? q)
    {
        List<LearnerLink> found = string.IsNullOrWhiteSpace(q) ? [] : (await people.FindAsync(q, 20)).Select(Link).ToList();
        return View(new PointsLedgerViewModel("积分记录", q, found, null, 0, [], null, null, null));
    }

    [HttpGet]
    public async Task<IActionResult> Learner(long userId, long? before) =>
        await people.GetAsync(userId) is { } user ? View("Index", await ModelAsync(user, before, (string?)TempData["Message"], (string?)TempData["Error"])) : NotFound();

    [HttpPost]
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
        var reverser = User.LearnerId() is { } me ? (await people.GetAsync(me))?.DisplayName : null;
        var (refusal, _, restored) = await ledger.ReverseAsync(entryId, $"{reason}（{reverser} 撤销）", rule);
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

    private async Task<PointsLedgerViewModel> ModelAsync(Person user, long? before, string? message, string? error)
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

    private static LearnerLink Link(Person user) => new(user.Id, user.DisplayName, user.UserName);
}
