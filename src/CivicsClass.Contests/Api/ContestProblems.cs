using CivicsClass.Learning;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicsClass.Contests.Api;

/// <summary>Refusals as ProblemDetails with their stable code, as learning's API gives them.</summary>
internal static class ContestProblems
{
    public static ProblemHttpResult Problem(this Refusal refusal) =>
        TypedResults.Problem(title: refusal.Message, statusCode: refusal.Status, type: $"https://civicsclass.cn/problems/{refusal.Code}",
            extensions: new Dictionary<string, object?> { ["code"] = refusal.Code });
}
