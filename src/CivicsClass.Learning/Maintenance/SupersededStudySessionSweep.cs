using CivicsClass.Data.Documents;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>
/// A superseded session can only answer "superseded" to the window still showing it, so it is kept until the
/// session that superseded it (the worker's next one) is past retention.
/// </summary>
internal sealed class SupersededStudySessionSweep(IDocumentStore store, IOptions<MaintenanceOptions> options) : StudySessionSweep(store, options)
{
    public const string SweepName = "study-session-superseded";

    public override string Name => SweepName;

    public override string Label => "被新窗口取代的学习记录";

    protected override string Where => """
        s.superseded = TRUE AND s.completed_utc IS NULL AND s.opened_utc < @cutoff
        AND EXISTS (SELECT 1 FROM study_session n WHERE n.user_id = s.user_id AND n.opened_utc > s.opened_utc AND n.opened_utc < @cutoff)
        """;
}
