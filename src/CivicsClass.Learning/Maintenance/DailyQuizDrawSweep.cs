using CivicsClass.Data.Documents;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>A worker's daily quiz draws older than <see cref="MaintenanceOptions.DailyQuizDrawDays"/> study days: only today's is ever shown.</summary>
internal sealed class DailyQuizDrawSweep(IDocumentStore store, IOptions<MaintenanceOptions> options) : StudyDaySweep(store)
{
    public const string SweepName = "daily-quiz-draw";

    public override string Name => SweepName;

    public override string Label => "每日答题的抽题记录";

    protected override string Table => "daily_quiz_draw";

    protected override string Key => "user_id, day";

    protected override string DayColumn => "day";

    protected override int KeepDays => options.Value.DailyQuizDrawDays;
}
