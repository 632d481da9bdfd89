using System.Security.Cryptography;
using Dapper;
using System.Text;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Learning.Quizzes;

/// <summary>
/// Quizzes graded on the server. A lesson's quiz pays once, on the first pass. Anonymous visitors
/// learn only their score; a worker has a few attempts a day (the QuizPass rule's DailyAttempts),
/// learns which answers were right only after passing or spending the day's attempts, and the right
/// answers only after passing, so answers cannot be found by changing one at a time. The daily quiz
/// draws questions from the bank of every published lesson's quiz, the same draw for a worker all day,
/// and pays once a day, a point for each right answer.
/// </summary>
public sealed class QuizService(IContentManager contentManager, ContentDefinitionManager definitions, QuestionBank bank, PointsRuleStore rules, PointsLedger ledger,
    LearningProgress progress, QuizAttempts attempts, ISession session, TimeProvider clock)
{
    public const int DefaultDailyAttempts = 3;

    public static IReadOnlyList<QuizResult> Grade(IReadOnlyList<QuizQuestion> questions, IReadOnlyList<int?> answers) =>
        questions.Select((q, n) => new QuizResult(n + 1, q.Question, q.Options,
            n < answers.Count && answers[n] is { } chosen && chosen >= 0 && chosen < q.Options.Count ? chosen : null, q.Answer, q.Explanation)).ToList();

    /// <summary>Grades a lesson's quiz; with a worker, counts the attempt and pays a first pass. Null when the lesson is not published.</summary>
    public async Task<QuizGrade?> SubmitAsync(long? userId, string lessonId, IReadOnlyList<int?> answers)
    {
        var lesson = await contentManager.GetAsync(lessonId);
        if (lesson is null || !await definitions.IsStudiedAsync(lesson.ContentType))
        {
            return null;
        }

        var questions = lesson.Part<QuizPart>().Questions;
        var rule = (await rules.AllAsync()).GetValueOrDefault(Activities.QuizPass);
        var needed = (int)Math.Ceiling(questions.Count * (rule?.Setting("PassRatio", 0.8) ?? 0.8));
        if (userId is not { } user)
        {
            var graded = Grade(questions, answers);
            var right = graded.Count(r => r.Right);
            return new QuizGrade(graded, right, needed, questions.Count > 0 && right >= needed, 0, 0, null);
        }

        if (questions.Count == 0)
        {
            return new QuizGrade([], 0, 0, false, 0, await ledger.BalanceAsync(user), Refusal.QuizEmpty);
        }

        int? attemptsLeft = null;
        var passedBefore = (await progress.LessonAsync(user, lessonId))?.QuizPassedUtc is not null;
        if (!passedBefore)
        {
            var limit = Math.Max(1, (int)(rule?.Setting("DailyAttempts", DefaultDailyAttempts) ?? DefaultDailyAttempts));
            if (await attempts.TakeAsync(user, lessonId, limit) is not { } used)
            {
                return new QuizGrade([], 0, needed, false, 0, await ledger.BalanceAsync(user), Refusal.QuizAttemptsSpent, AttemptsLeft: 0);
            }

            attemptsLeft = limit - used;
        }

        var results = Grade(questions, answers);
        var correct = results.Count(r => r.Right);
        var passed = correct >= needed;
        var feedback = passed || passedBefore ? QuizFeedback.Answers : attemptsLeft == 0 ? QuizFeedback.Marks : QuizFeedback.Score;
        if (!passed)
        {
            return new QuizGrade(results, correct, needed, false, 0, await ledger.BalanceAsync(user),
                Refusal.QuizFailed(correct, questions.Count, needed, attemptsLeft), feedback, attemptsLeft);
        }

        var awarded = 0;
        Refusal? refusal = null;
        if (rule is not { Enabled: true })
        {
            refusal = Refusal.RuleOff;
        }
        else
        {
            var result = await ledger.AwardAsync(rule, new Award(user, rule.Name, lessonId, Award.KeyFor(rule.Name, user, lessonId), rule.Points));
            awarded = result.Duplicate ? 0 : result.Points;
            refusal = result.Duplicate ? Refusal.QuizAlreadyPassed : awarded == 0 ? Refusal.Capped(rule.DisplayName) : null;
        }

        await progress.QuizPassedAsync(user, lessonId);
        await progress.StudyDayAsync(user);
        return new QuizGrade(results, correct, needed, true, awarded, await ledger.BalanceAsync(user), refusal, feedback);
    }

    /// <summary>Today's questions for a worker, without their answers.</summary>
    public async Task<(int Day, IReadOnlyList<DailyQuestion> Questions)> DailyAsync(long userId)
    {
        var day = StudyCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var drawn = await DrawAsync(userId, day);
        return (day, drawn.Select(q => new DailyQuestion(q.Id, q.Question.Question, q.Question.Options)).ToList());
    }

    /// <summary>Grades today's quiz; the answers are keyed by question id. Once a day, and only with at least one question answered.</summary>
    public async Task<(DailyQuizGrade? Grade, Refusal? Refusal)> SubmitDailyAsync(long userId, IReadOnlyDictionary<string, int> answers)
    {
        var day = StudyCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var drawn = await DrawAsync(userId, day);
        if (drawn.Count == 0 || answers.Keys.Any(id => drawn.All(q => q.Id != id)))
        {
            return (null, Refusal.DailyQuizChanged);
        }

        var results = Grade(drawn.Select(q => q.Question).ToList(), drawn.Select(q => answers.TryGetValue(q.Id, out var a) ? a : (int?)null).ToList());
        if (results.All(r => r.Chosen is null))
        {
            // Nothing answered is nothing studied: no points, no study day, and today's quiz is still open.
            return (null, Refusal.DailyQuizUnanswered);
        }

        var correct = results.Count(r => r.Right);
        var rule = await rules.ActiveAsync(Activities.DailyQuiz);
        if (rule is null)
        {
            return (null, Refusal.RuleOff);
        }

        var result = await ledger.AwardAsync(rule, new Award(userId, rule.Name, null, DailyKey(userId, day), correct * rule.Points));
        if (result.Duplicate)
        {
            return (null, Refusal.DailyQuizDone);
        }

        await progress.StudyDayAsync(userId);
        return (new DailyQuizGrade(day, results, correct, result.Points, await ledger.BalanceAsync(userId)), null);
    }

    /// <summary>Whether today's quiz was already submitted: it is taken once a day.</summary>
    public Task<bool> DailyDoneAsync(long userId) => ledger.HasAsync(DailyKey(userId, StudyCalendar.Day(clock.GetUtcNow().UtcDateTime)));

    private static string DailyKey(long userId, int day) => Award.KeyFor(Activities.DailyQuiz, userId, day);

    /// <summary>
    /// The worker's questions for the day: drawn once, the first time they are asked for, and kept, so that lessons
    /// published later that day leave the quiz as it was shown. A question whose lesson has gone since is left out.
    /// </summary>
    private async Task<IReadOnlyList<(string Id, QuizQuestion Question)>> DrawAsync(long userId, int day)
    {
        var all = await bank.GetAsync();
        const string read = "SELECT question_ids FROM daily_quiz_draw WHERE user_id = @userId AND day = @day";
        var (reader, readTransaction) = await session.GetConnectionAsync();
        var kept = await reader.ExecuteScalarAsync<string?>(read, new { userId, day }, readTransaction);
        if (kept is null)
        {
            var count = (int)((await rules.AllAsync()).GetValueOrDefault(Activities.DailyQuiz)?.Setting("Questions", 5) ?? 5);
            var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}:{day}")));
            var random = new Random(seed);
            var drawn = string.Join('\n', all.OrderBy(_ => random.Next()).Take(count).Select(q => q.Id));
            var (connection, transaction) = await session.BeginWriteAsync();
            await connection.ExecuteAsync("INSERT INTO daily_quiz_draw (user_id, day, question_ids) VALUES (@userId, @day, @drawn) ON CONFLICT (user_id, day) DO NOTHING",
                new { userId, day, drawn }, transaction);
            // Another request may have drawn first; its draw is the one kept.
            kept = await connection.ExecuteScalarAsync<string>(read, new { userId, day }, transaction);
            await session.SaveChangesAsync();
        }

        var byId = all.ToDictionary(q => q.Id, q => q.Question);
        return [.. kept!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(byId.ContainsKey).Select(id => (id, byId[id]))];
    }
}
