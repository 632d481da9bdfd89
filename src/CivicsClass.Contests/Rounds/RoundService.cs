using System.Security.Cryptography;
using System.Text.Json;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Map;
using CivicsClass.Contests.Questions;
using CivicsClass.Contests.Rankings;
using CivicsClass.Data.Documents;
using CivicsClass.Learning;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;

namespace CivicsClass.Contests.Rounds;

/// <summary>
/// Rounds decided on the server. A start draws the questions and fixes the deadline; while a round is
/// under way a second start returns the same round, so a bad draw cannot be dodged by starting again,
/// and a round left unfinished is graded, as it stands, when its time is up and the person comes back.
/// Answers are taken one at a time until the deadline and never after; a round's answers are graded on
/// finishing, a point per right answer is paid through the ledger (the ContestAnswer rule and its daily
/// cap), a pass lights a map point, and lighting every point issues a certificate. Starts and finishes
/// of one person hold that person's entrant row, so they happen one at a time.
/// </summary>
internal sealed class RoundService(
    ISession session, RoundStore store, ContestDirectory contests, ContestQuestionBank bank, ContestMap map, Eligibility eligibility,
    PointsRuleStore rules, PointsLedger ledger, LearningProgress progress, StandingsReader standings, TimeProvider clock)
{
    public const string CertificateKind = "contest";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(RoundStart? Start, Refusal? Refusal)> StartAsync(Contest contest, long userId)
    {
        var now = Now;
        if (!contest.IsRunning(now))
        {
            return (null, ContestRefusals.NotRunning);
        }

        var learner = await Learners.GetAsync(session, userId);
        if (!await eligibility.AllowsAsync(contest, learner?.OrganisationId))
        {
            return (null, ContestRefusals.NotEligible);
        }

        await store.LockEntrantAsync(contest.Id, userId, learner?.OrganisationId, learner?.RegionId);
        if (await store.OpenAsync(contest.Id, userId) is { } open)
        {
            if (open.Deadline >= now)
            {
                return (new RoundStart(open, Resumed: true), null);
            }

            await GradeAsync(contest, open, now);
        }

        var day = StudyCalendar.Day(now);
        var today = await store.DayAsync(contest.Id, userId, day);
        if (today.Count >= contest.AttemptsPerDay)
        {
            return (null, ContestRefusals.AttemptsSpent(contest.AttemptsPerDay));
        }

        var questions = await bank.GetAsync(contest.Id);
        if (questions.Count == 0)
        {
            return (null, ContestRefusals.NoQuestions);
        }

        var drawnToday = today.SelectMany(r => r.Questions).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var drawn = RoundDraw.Draw(questions, drawnToday, contest.QuestionsPerRound);
        var round = new ContestRound
        {
            Id = NewId(), ContestId = contest.Id, UserId = userId, StudyDay = day, Attempt = today.Count + 1, StartedUtc = now,
            DeadlineUtc = now.AddSeconds(contest.RoundSeconds), QuestionsJson = JsonSerializer.Serialize(drawn), Total = drawn.Count,
        };
        await store.InsertAsync(round);
        return (new RoundStart(round, Resumed: false), null);
    }

    /// <summary>Takes one answer (questions numbered from 1, options as the round shows them) if it comes by the deadline.</summary>
    public async Task<Refusal?> AnswerAsync(string roundId, long userId, int number, int option)
    {
        var now = Now;
        if (await store.GetAsync(roundId) is not { } round || round.UserId != userId)
        {
            return ContestRefusals.NotFound;
        }

        if (round.Finished)
        {
            return ContestRefusals.Finished;
        }

        if (now > round.Deadline)
        {
            return ContestRefusals.TimeUp;
        }

        var questions = round.Questions;
        if (number < 1 || number > questions.Count || option < 0 || option >= questions[number - 1].Options.Count)
        {
            return ContestRefusals.BadAnswer;
        }

        return await store.AnswerAsync(roundId, number, option, now) ? null : ContestRefusals.AlreadyAnswered;
    }

    /// <summary>
    /// Finishes a round: <paramref name="answers"/> (from a form sent without script) are taken first
    /// when they come in time and the question has none yet. Finishing again shows the same result.
    /// </summary>
    public async Task<(RoundResult? Result, Refusal? Refusal)> FinishAsync(Contest contest, string roundId, long userId, IReadOnlyDictionary<int, int>? answers = null)
    {
        if (await store.GetAsync(roundId) is not { } round || round.UserId != userId || round.ContestId != contest.Id)
        {
            return (null, ContestRefusals.NotFound);
        }

        if (round.Finished)
        {
            return (await ResultAsync(contest, round), null);
        }

        var learner = await Learners.GetAsync(session, userId);
        await store.LockEntrantAsync(contest.Id, userId, learner?.OrganisationId, learner?.RegionId);
        round = (await store.GetAsync(roundId))!;
        if (round.Finished)
        {
            return (await ResultAsync(contest, round), null);
        }

        var now = Now;
        var questions = round.Questions;
        foreach (var (number, option) in answers ?? new Dictionary<int, int>())
        {
            if (now <= round.Deadline && number >= 1 && number <= questions.Count && option >= 0 && option < questions[number - 1].Options.Count)
            {
                await store.AnswerAsync(roundId, number, option, now);
            }
        }

        return (await GradeAsync(contest, round, now), null);
    }

    /// <summary>A finished round's result as it was graded, or an unfinished one's when its time is up (it is graded then).</summary>
    public async Task<RoundResult?> ResultAsync(Contest contest, ContestRound round)
    {
        if (!round.Finished)
        {
            return round.Deadline < Now ? (await FinishAsync(contest, round.Id, round.UserId)).Result : null;
        }

        var graded = Grade(round, await store.AnswersAsync(round.Id, round.Deadline));
        var points = await map.PointsAsync(contest, new HashSet<int>(), 0);
        var certificate = (await progress.CertificatesAsync(round.UserId)).FirstOrDefault(c => c.CourseId == contest.Id && c.Kind == CertificateKind);
        return new RoundResult(round, graded, round.LitPoint is { } lit && lit < points.Count ? points[lit].Name : null, certificate?.Code);
    }

    /// <summary>
    /// Voids a finished round: its points are reversed through the ledger with the reason, the map point it lit goes
    /// out, and the contest's certificate is withdrawn when it no longer stands (the map is no longer all lit, or no
    /// standing round reaches the completion score). Says whether a certificate was withdrawn.
    /// </summary>
    public async Task<(Refusal? Refusal, bool CertificateWithdrawn)> VoidAsync(string roundId, string reason)
    {
        if (await store.GetAsync(roundId) is not { Finished: true } round)
        {
            return (ContestRefusals.NotFound, false);
        }

        if (!await store.VoidAsync(roundId, reason, Now))
        {
            return (new Refusal(409, "contest-round-void", "这一轮已经作废过"), false);
        }

        if (round.EntryId is { } entry)
        {
            var rule = (await rules.AllAsync()).GetValueOrDefault(Activities.ContestAnswer);
            await ledger.ReverseAsync(entry, $"竞赛答题作废：{reason}", rule);
        }

        await store.UnlightAsync(roundId);
        await store.RefreshEntrantAsync(round.ContestId, round.UserId);
        var withdraw = round.LitPoint is not null
            || (await contests.GetAsync(round.ContestId) is { MapVenueIds.Count: 0, CompletionScore: { } score }
                && await store.BestCorrectAsync(round.ContestId, round.UserId) < score);
        return (null, withdraw && await progress.WithdrawCertificateAsync(round.UserId, round.ContestId, CertificateKind));
    }

    private async Task<RoundResult> GradeAsync(Contest contest, ContestRound round, DateTime now)
    {
        var graded = Grade(round, await store.AnswersAsync(round.Id, round.Deadline));
        var correct = graded.Count(q => q.Right);
        round.FinishedUtc = now;
        round.Correct = correct;
        round.Passed = correct >= Math.Min(contest.PassMark, round.Total);
        round.Points = 0;
        if (correct > 0 && await rules.ActiveAsync(Activities.ContestAnswer) is { } rule)
        {
            var award = await ledger.AwardAsync(rule, new Award(round.UserId, rule.Name, contest.Id, Award.KeyFor(rule.Name, round.Id), correct * rule.Points, round.Id));
            round.EntryId = award.EntryId;
            round.Points = award.Duplicate ? 0 : award.Points;
        }

        string? litVenue = null, certificate = null;
        if (round.Passed == true && contest.MapVenueIds.Count > 0)
        {
            var lit = (await store.LitAsync(contest.Id, round.UserId)).ToHashSet();
            if (ContestMap.NextToLight(contest, lit, StudyCalendar.Day(now)) is { } next)
            {
                await store.LightAsync(contest.Id, round.UserId, next, round.Id, now);
                round.LitPoint = next;
                lit.Add(next);
                litVenue = (await map.PointsAsync(contest, lit, 0))[next].Name;
                if (lit.Count >= contest.MapVenueIds.Count)
                {
                    certificate = (await progress.IssueCertificateAsync(round.UserId, contest.Id, contest.Title, CertificateKind))?.Code;
                }
            }
        }
        else if (contest.MapVenueIds.Count == 0 && contest.CompletionScore is { } score && correct >= Math.Min(score, round.Total))
        {
            // A contest without a map completes at a score: the first round reaching it earns the certificate.
            certificate = (await progress.IssueCertificateAsync(round.UserId, contest.Id, contest.Title, CertificateKind))?.Code;
        }

        await store.FinishAsync(round);
        await store.RefreshEntrantAsync(contest.Id, round.UserId);
        standings.ForgetOnCommit(contest);
        return new RoundResult(round, graded, litVenue, certificate);
    }

    private static List<GradedQuestion> Grade(ContestRound round, IReadOnlyDictionary<int, int> answers) =>
        round.Questions.Select((q, i) => new GradedQuestion(i + 1, q.Question, q.Options, answers.TryGetValue(i + 1, out var chosen) ? chosen : null, q.Answer, q.Explanation))
            .ToList();

    /// <summary>A round's id is unguessable, so one person cannot address another's round.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
