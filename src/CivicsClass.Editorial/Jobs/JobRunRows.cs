using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Data.Jobs;
using CivicsClass.Learning.Maintenance;

namespace CivicsClass.Editorial;

/// <summary>The background jobs' last runs, from <see cref="IJobReport"/>, as the jobs page shows them.</summary>
internal static class JobRunRows
{
    /// <summary>Every job that has run on any node, with how it last ended.</summary>
    public static IReadOnlyList<JobRunRow> From(IReadOnlyList<JobRun> runs, IEnumerable<IntervalJob> jobs, DateTime now)
    {
        var known = jobs.GroupBy(j => j.Name).ToDictionary(g => g.Key, g => g.First());
        return runs.Select(r => new JobRunRow(r.Name, known.GetValueOrDefault(r.Name)?.Label ?? r.Name,
            known.GetValueOrDefault(r.Name)?.Scope switch { JobScope.OneNode => "每次由一台服务器运行", JobScope.EveryNode => "每台服务器各自运行", _ => "" },
            r.Node ?? "—", r.StartedUtc is { } started ? SiteTime.Format(started) : "还没有",
            r.FinishedUtc is { } finished && finished >= r.StartedUtc ? SiteTime.Format(finished) : "—",
            State(r, now), r.Note)).ToList();
    }

    /// <summary>The expired-data job's sweeps, each with what the last run removed.</summary>
    public static IReadOnlyList<CleanupRow> Sweeps(IReadOnlyList<JobRun> runs, IEnumerable<IExpiredDataSweep> sweeps, DateTime now)
    {
        var run = runs.FirstOrDefault(r => r.Name == ExpiredDataCleanup.JobName);
        if (run is null)
        {
            return [];
        }

        var removed = ExpiredDataCleanup.Removed(run.Note);
        var parts = (run.Note ?? "").Split("; ");
        return sweeps.Select(s => new CleanupRow(s.Name, s.Label,
            run.StartedUtc is { } started ? SiteTime.Format(started) : "还没有",
            removed.GetValueOrDefault(s.Name), State(run, now),
            parts.FirstOrDefault(p => p.StartsWith(s.Name + " failed", StringComparison.Ordinal)))).ToList();
    }

    private static string State(JobRun run, DateTime now) =>
        run.LeaseUntilUtc is { } until && until > now ? "正在运行"
        : run.FinishedUtc is not { } finished || finished < run.StartedUtc ? "已中断"
        : run.Outcome == JobOutcomes.Failed ? "出错"
        : "完成";
}
