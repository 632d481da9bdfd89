using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicsClass.Learning.Api;

/// <summary>Refusals as ProblemDetails, with their stable code, for the app.</summary>
internal static class RefusalProblems
{
    public static ProblemHttpResult Problem(this Refusal refusal, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: refusal.Message, statusCode: refusal.Status, type: $"https://civicsclass.cn/problems/{refusal.Code}",
            extensions: new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = refusal.Code });
}
