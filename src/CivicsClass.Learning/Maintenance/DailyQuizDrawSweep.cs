using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using CivicsClass.Learning.Study;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>A worker's daily quiz draws older than <see cref="MaintenanceOptions.DailyQuizDrawDays"/> study days: only today's is ever shown.</summary>
internal sealed class DailyQuizDrawSweep(IDocumentStore store, IOptions<MaintenanceOptions> options) : IExpiredDataSweep
{
    public const string SweepName = "daily-quiz-draw";

    public string Name => SweepName;

    public string Label => "每日答题的抽题记录";

    public async Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        // Study days are yyyymmdd numbers in Asia/Shanghai, so an older day is a smaller number.
        var before = StudyCalendar.ToInt(StudyCalendar.Date(now).AddDays(-Math.Max(1, options.Value.DailyQuizDrawDays)));
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        var removed = await connection.ExecuteAsync($"""
            DELETE FROM daily_quiz_draw WHERE (user_id, day) IN (
                SELECT user_id, day FROM daily_quiz_draw WHERE day < @before LIMIT @limit{session.Dialect.SkipLocked})
            """, new { before, limit }, transaction);
        await session.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
