using System.Globalization;
using System.Security.Claims;
using CivicsClass.Learning;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
