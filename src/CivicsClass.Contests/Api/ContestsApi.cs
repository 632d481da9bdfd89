using CivicsClass.Content.Security;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Rounds;
using CivicsClass.Learning.Study;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ISession = CivicsClass.Data.Documents.ISession;
using LearningPermissions = CivicsClass.Learning.Permissions;

namespace CivicsClass.Contests.Api;

/// <summary>Contest rounds for the mobile app: start, answer one question at a time, finish. A bearer token with EarnPoints, rate-limited per person.</summary>
internal static class ContestsApi
{
    public static RouteGroupBuilder MapContestsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contests").WithTags("Contests")
            .RequireAuthorization(PermissionPolicy.For(LearningPermissions.EarnPoints))
            .RequireRateLimiting(ContestsModule.RateLimit);
        group.MapPost("/{contestId}/rounds", StartAsync).WithName("StartContestRound")
            .WithSummary("Starts a round (or returns the one under way): questions drawn and shuffled by the server, which keeps the time.");
        group.MapPost("/rounds/{roundId}/answers", AnswerAsync).WithName("AnswerContestQuestion")
            .WithSummary("Sends one answer; it counts only if it arrives by the deadline, and cannot be changed.");
        group.MapPost("/rounds/{roundId}/finish", FinishAsync).WithName("FinishContestRound")
            .WithSummary("Finishes the round: the grade, points, the map point lit, and the right answers.");
        return api;
    }

    private static async Task<Results<Ok<RoundStarted>, ProblemHttpResult>> StartAsync(
        string contestId, HttpContext context, ContestDirectory contests, RoundService rounds, RoundStore store, ISession session, TimeProvider clock)
    {
        if (await contests.GetAsync(contestId) is not { } contest)
        {
            return ContestRefusals.NotFound.Problem();
        }

        var (start, refusal) = await rounds.StartAsync(contest, context.User.LearnerId()!.Value);
        await session.SaveChangesAsync();
        if (start is null)
        {
            return refusal!.Problem();
        }

        var round = start.Round;
        var answered = start.Resumed ? await store.AnswersAsync(round.Id, round.Deadline) : new Dictionary<int, int>();
        var left = (int)Math.Floor((round.Deadline - clock.GetUtcNow().UtcDateTime).TotalSeconds);
        return TypedResults.Ok(new RoundStarted(round.Id, round.Deadline, Math.Max(0, left), start.Resumed,
            round.Questions.Select((q, i) => new RoundQuestion(i + 1, q.Question, q.Options, answered.TryGetValue(i + 1, out var a) ? a : null)).ToList()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AnswerAsync(
        string roundId, AnswerRequest request, HttpContext context, RoundService rounds, ISession session)
    {
        var refusal = await rounds.AnswerAsync(roundId, context.User.LearnerId()!.Value, request.Number, request.Option);
        await session.SaveChangesAsync();
        return refusal is null ? TypedResults.NoContent() : refusal.Problem();
    }

    private static async Task<Results<Ok<RoundGraded>, ProblemHttpResult>> FinishAsync(
        string roundId, HttpContext context, RoundStore store, ContestDirectory contests, RoundService rounds, ISession session)
    {
        if (await store.GetAsync(roundId) is not { } round || await contests.GetAsync(round.ContestId) is not { } contest)
        {
            return ContestRefusals.NotFound.Problem();
        }

        var (result, refusal) = await rounds.FinishAsync(contest, roundId, context.User.LearnerId()!.Value);
        await session.SaveChangesAsync();
        if (result is null)
        {
            return refusal!.Problem();
        }

        return TypedResults.Ok(new RoundGraded(result.Correct, result.Round.Total, result.Passed, result.Points, result.LitVenue, result.CertificateCode,
            result.Questions.Select(q => new GradedAnswer(q.Number, q.Question, q.Options, q.Chosen, q.Answer, q.Explanation)).ToList()));
    }
}
