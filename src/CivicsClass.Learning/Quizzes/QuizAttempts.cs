using Dapper;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Study;

namespace CivicsClass.Learning.Quizzes;

/// <summary>
/// How many times a worker has tried a lesson's quiz in a study day. The limit keeps a worker from
/// finding the right answers by changing one answer at a time.
/// </summary>
public sealed class QuizAttempts(ISession session, TimeProvider clock)
{
    /// <summary>Counts one more attempt today; returns the attempts used with it, or null when today's are already spent.</summary>
    public async Task<int?> TakeAsync(long userId, string lessonId, int limit)
    {
        // One statement, so concurrent submissions cannot both take the last attempt.
        const string sql = """
            INSERT INTO quiz_attempt (user_id, content_item_id, study_day, attempts) VALUES (@userId, @lessonId, @day, 1)
            ON CONFLICT (user_id, content_item_id, study_day) DO UPDATE SET attempts = quiz_attempt.attempts + 1
            WHERE quiz_attempt.attempts < @limit
            RETURNING attempts
            """;
        var (connection, transaction) = await session.BeginWriteAsync();
        var day = StudyCalendar.Day(clock.GetUtcNow().UtcDateTime);
        return await connection.ExecuteScalarAsync<int?>(sql, new { userId, lessonId, day, limit = Math.Max(1, limit) }, transaction);
    }
}
