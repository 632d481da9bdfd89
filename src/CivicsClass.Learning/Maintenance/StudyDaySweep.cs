using CivicsClass.Data.Documents;
using CivicsClass.Data.Jobs;
using CivicsClass.Learning.Study;
using Dapper;

namespace CivicsClass.Learning.Maintenance;

/// <summary>
/// Rows keyed by a study day (a yyyymmdd number in Asia/Shanghai, so an older day is a smaller number) that only
/// matter for a few days. Rows a request holds are skipped on PostgreSQL, not waited for.
/// </summary>
internal abstract class StudyDaySweep(IDocumentStore store) : IExpiredDataSweep
{
    public abstract string Name { get; }

    public abstract string Label { get; }

    protected abstract string Table { get; }

    /// <summary>The columns that name one row, the study day among them.</summary>
    protected abstract string Key { get; }

    protected abstract string DayColumn { get; }

    /// <summary>How many study days back rows are kept; at least today's always is.</summary>
    protected abstract int KeepDays { get; }

    public async Task<int> RemoveBatchAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var before = StudyCalendar.ToInt(StudyCalendar.Date(now).AddDays(-Math.Max(1, KeepDays)));
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        var removed = await connection.ExecuteAsync($"""
            DELETE FROM {Table} WHERE ({Key}) IN (
                SELECT {Key} FROM {Table} WHERE {DayColumn} < @before LIMIT @limit{session.Dialect.SkipLocked})
            """, new { before, limit }, transaction);
        await session.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
