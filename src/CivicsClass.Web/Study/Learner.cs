using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using CivicsClass.Learning;
using CivicsClass.Learning.Leaderboards;

namespace CivicsClass.Web.Study;

/// <summary>How the host speaks of a learner: the id behind a signed-in principal, and refusals as ProblemDetails.</summary>
public static class LearnerExtensions
{
    public static long? LearnerId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : null;

    public static ProblemHttpResult Problem(this Refusal refusal, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: refusal.Message, statusCode: refusal.Status, type: $"https://civicsclass.cn/problems/{refusal.Code}",
            extensions: new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = refusal.Code });

    /// <summary>
    /// A leaderboard by name — <c>people</c>, <c>organisations</c> or <c>regions</c> — with groups rolled
    /// up through their taxonomy's tree; null for an unknown board or period.
    /// </summary>
    public static async Task<Board?> BoardAsync(this LeaderboardReader boards, Site.TermCache terms, string board, string period, bool perMember, int take, long? me)
    {
        var taxonomies = await terms.GetAsync();
        return board switch
        {
            "people" => await boards.PeopleAsync(period, take, me),
            "organisations" => await boards.GroupsAsync(GroupKind.Organisation, period, taxonomies.GetValueOrDefault("Organisation")?.Roots ?? [], perMember, take, me),
            "regions" => await boards.GroupsAsync(GroupKind.Region, period, taxonomies.GetValueOrDefault("Region")?.Roots ?? [], perMember, take, me),
            _ => null,
        };
    }
}
