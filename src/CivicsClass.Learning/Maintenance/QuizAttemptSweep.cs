using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using CivicsClass.Learning.Study;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>Counts of quiz attempts older than <see cref="MaintenanceOptions.QuizAttemptDays"/> study days: the limit is per day, so only today's count limits anything.</summary>
internal sealed class QuizAttemptSweep(IDocumentStore store, IOptions<MaintenanceOptions> options) : IExpiredDataSweep
{
    public const string SweepName = "quiz-attempt";

    public string Name => SweepName;

    public string Label => "答题次数记录";

    public async Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var before = StudyCalendar.ToInt(StudyCalendar.Date(now).AddDays(-Math.Max(1, options.Value.QuizAttemptDays)));
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        var removed = await connection.ExecuteAsync($"""
            DELETE FROM quiz_attempt WHERE (user_id, content_item_id, study_day) IN (
                SELECT user_id, content_item_id, study_day FROM quiz_attempt WHERE study_day < @before LIMIT @limit{session.Dialect.SkipLocked})
            """, new { before, limit }, transaction);
        await session.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
