using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Learning.CheckIns;

/// <summary>
/// Check-in at an offline event or a venue. Organisers show a QR code that changes every minute; it
/// holds the place, the minute and an HMAC over both, so a code cannot be made up, and one copied or
/// photographed stops working a minute later. An event takes check-ins only around its own hours.
/// </summary>
public sealed class CheckInService(LearningSecret secret, IContentManager contentManager, ContentDefinitionManager definitions, PointsRuleStore rules, PointsLedger ledger,
    LearningProgress progress, TimeProvider clock)
{
    public async Task<CheckInCode> CodeAsync(string itemId)
    {
        var seconds = await StepSecondsAsync();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var step = now / seconds;
        return new CheckInCode($"{itemId}.{step.ToString(CultureInfo.InvariantCulture)}.{await SignAsync(itemId, step)}",
            DateTimeOffset.FromUnixTimeSeconds((step + 1) * seconds).UtcDateTime);
    }

    public async Task<(CheckedIn? Done, Refusal? Refusal)> CheckInAsync(long userId, string code)
    {
        var parts = code.Trim().Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            || !SameText(parts[2], await SignAsync(parts[0], step)))
        {
            return (null, Refusal.CodeForged);
        }

        // The code on screen now, or the one just before it (a scan that took a few seconds).
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / await StepSecondsAsync();
        if (step > current || step < current - 1)
        {
            return (null, Refusal.CodeExpired);
        }

        var item = await contentManager.GetAsync(parts[0]);
        var kind = await KindAsync(item);
        if (item is null || kind == CheckInKind.None)
        {
            return (null, Refusal.CodeForged);
        }

        var rule = await rules.ActiveAsync(Activities.CheckIn);
        if (rule is null)
        {
            return (null, Refusal.RuleOff);
        }

        if (kind == CheckInKind.AroundStart && !InWindow(item, TimeSpan.FromMinutes(rule.Setting("WindowMinutes", 60))))
        {
            return (null, Refusal.OutOfWindow);
        }

        var day = StudyCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var result = await ledger.AwardAsync(rule, new Award(userId, rule.Name, item.ContentItemId, Award.KeyFor(rule.Name, userId, item.ContentItemId, day), rule.Points, code));
        if (result.Duplicate)
        {
            return (null, Refusal.AlreadyCheckedIn);
        }

        await progress.StudyDayAsync(userId);
        // Over the day's cap the check-in still counts as a study day; it says why it earned nothing.
        var nothing = result.Capped && result.Points == 0 ? Refusal.Capped(rule.DisplayName) : null;
        return (new CheckedIn(item.ContentItemId, item.DisplayText, result.Points, await ledger.BalanceAsync(userId), nothing), null);
    }

    /// <summary>How workers check in at the item, from its type's setting; none for an item that is not published.</summary>
    public async Task<CheckInKind> KindAsync(ContentItem? item) =>
        item is null ? CheckInKind.None : (await definitions.GetTypeAsync(item.ContentType))?.CheckIn ?? CheckInKind.None;

    /// <summary>An event takes check-ins from the window before it starts until the window after it ends (four hours when no end is set).</summary>
    public bool InWindow(ContentItem item, TimeSpan window)
    {
        if (item.Field<DateTimeField>("StartsAt")?.Value is not { } starts)
        {
            return false;
        }

        var ends = item.Field<DateTimeField>("EndsAt")?.Value ?? starts.AddHours(4);
        var now = clock.GetUtcNow().UtcDateTime;
        return now >= starts - window && now <= ends + window;
    }

    private static bool SameText(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private async Task<long> StepSecondsAsync() =>
        Math.Max(10, (long)((await rules.AllAsync()).GetValueOrDefault(Activities.CheckIn)?.Setting("CodeSeconds", 60) ?? 60));

    private async Task<string> SignAsync(string itemId, long step)
    {
        var mac = HMACSHA256.HashData(await secret.KeyAsync(), Encoding.UTF8.GetBytes($"{itemId}.{step.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToBase64String(mac, 0, 12).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
