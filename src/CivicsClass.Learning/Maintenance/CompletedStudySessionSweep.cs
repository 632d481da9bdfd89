using CivicsClass.Data.Documents;
using Microsoft.Extensions.Options;

namespace CivicsClass.Learning.Maintenance;

/// <summary>
/// A completed session only gives a repeated completion its first answer; the points, progress, study days and
/// certificates it earned live in their own tables.
/// </summary>
internal sealed class CompletedStudySessionSweep(IDocumentStore store, IOptions<MaintenanceOptions> options) : StudySessionSweep(store, options)
{
    public const string SweepName = "study-session-completed";

    public override string Name => SweepName;

    public override string Label => "已完成的学习记录";

    protected override string Where => "s.completed_utc < @cutoff";
}
