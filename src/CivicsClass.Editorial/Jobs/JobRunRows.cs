using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Data.Jobs;
using CivicsClass.Learning.Maintenance;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Editorial.Jobs;

/// <summary>The background jobs' last runs, from <see cref="IJobReport"/>, as the jobs page shows them.</summary>
internal sealed class JobRunRows(IStringLocalizer text)
{
    /// <summary>Every job that has run on any node, with how it last ended.</summary>
    public IReadOnlyList<JobRunRow> From(IReadOnlyList<JobRun> runs, IEnumerable<IntervalJob> jobs, DateTime now)
    {
        var known = jobs.GroupBy(j => j.Name).ToDictionary(g => g.Key, g => g.First());
        return runs.Select(r => new JobRunRow(r.Name, known.GetValueOrDefault(r.Name)?.Label ?? r.Name,
            known.GetValueOrDefault(r.Name)?.Scope switch { JobScope.OneNode => text["JobsOneNode"], JobScope.EveryNode => text["JobsEveryNode"], _ => "" },
            r.Node ?? "—", r.StartedUtc is { } started ? SiteTime.Format(started) : text["JobsNever"],
            r.FinishedUtc is { } finished && finished >= r.StartedUtc ? SiteTime.Format(finished) : "—",
            State(r, now), r.Note)).ToList();
    }

    /// <summary>The expired-data job's sweeps, each with what the last run removed.</summary>
    public IReadOnlyList<CleanupRow> Sweeps(IReadOnlyList<JobRun> runs, IEnumerable<IExpiredDataSweep> sweeps, DateTime now)
    {
        var run = runs.FirstOrDefault(r => r.Name == ExpiredDataCleanup.JobName);
        if (run is null)
        {
            return [];
        }

        var removed = ExpiredDataCleanup.Removed(run.Note);
        var parts = (run.Note ?? "").Split("; ");
        return sweeps.Select(s => new CleanupRow(s.Name, s.Label,
            run.StartedUtc is { } started ? SiteTime.Format(started) : text["JobsNever"],
            removed.GetValueOrDefault(s.Name), State(run, now),
            parts.FirstOrDefault(p => p.StartsWith(s.Name + " failed", StringComparison.Ordinal)))).ToList();
    }

    private string State(JobRun run, DateTime now) =>
        run.LeaseUntilUtc is { } until && until > now ? text["JobsRunning"]
        : run.FinishedUtc is not { } finished || finished < run.StartedUtc ? text["JobsInterrupted"]
        : run.Outcome == JobOutcomes.Failed ? text["JobsFailed"]
        : text["JobsDone"];
}
