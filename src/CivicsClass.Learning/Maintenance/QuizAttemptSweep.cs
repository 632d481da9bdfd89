using CivicsClass.Data.Documents;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>Counts of quiz attempts older than <see cref="MaintenanceOptions.QuizAttemptDays"/> study days: the limit is per day, so only today's count limits anything.</summary>
internal sealed class QuizAttemptSweep(IDocumentStore store, IOptions<MaintenanceOptions> options) : StudyDaySweep(store)
{
    public const string SweepName = "quiz-attempt";

    public override string Name => SweepName;

    public override string Label => "答题次数记录";

    protected override string Table => "quiz_attempt";

    protected override string Key => "user_id, content_item_id, study_day";

    protected override string DayColumn => "study_day";

    protected override int KeepDays => options.Value.QuizAttemptDays;
}
