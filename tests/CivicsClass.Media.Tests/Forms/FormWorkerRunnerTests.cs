using CivicsClass.Data.Jobs;
using CivicsClass.Media.Forms;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Media.Tests.Forms;

/// <summary>The form worker as the site runs it: in the shared job runner, woken by a queued job rather than its poll, its runs recorded.</summary>
public abstract class FormWorkerRunnerTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task PublishedLesson_WorkerRunning_MakesItsNarrationAtOnceAndRecordsTheRun()
    {
        // A poll of an hour: only the wake-up that queuing asks for can make the form within the test's time.
        await using var site = await FormsSite.CreateAsync(new TProvider(), extraSettings: new Dictionary<string, string?> { ["Forms:PollSeconds"] = "3600" });
        await site.Worker.StartAsync(CancellationToken.None);
        try
        {
            var id = await site.PublishLessonAsync("走进安源", "一堂关于安源路矿工人的课。", "1922年9月，安源路矿工人举行大罢工。");

            var made = await WaitForAsync(async () => (await site.NarrationAsync(id)).State == FormState.Ready, TimeSpan.FromSeconds(60));
            // The run is recorded when it has taken every due job, a moment after the narration's own commit.
            var recorded = await WaitForAsync(async () => (await ReadRunAsync(site))?.Note is not null, TimeSpan.FromSeconds(60));
            var run = await ReadRunAsync(site);

            Assert.True(made, "the narration was made without waiting for the poll");
            Assert.True(recorded);
            Assert.NotNull(run);
            Assert.Equal(site.Site.Services.GetRequiredService<JobClaims>().Node, run.Node);
            Assert.Equal(JobOutcomes.Done, run.Outcome);
            Assert.StartsWith("took ", run.Note);
        }
        finally
        {
            await site.Worker.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<JobRun?> ReadRunAsync(FormsSite site) =>
        (await site.Site.Services.GetRequiredService<IJobReport>().ReadAsync()).SingleOrDefault(r => r.Name == FormWorker.JobName);

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }
}

public sealed class SqliteFormWorkerRunnerTests : FormWorkerRunnerTests<Sqlite>;

public sealed class PostgresFormWorkerRunnerTests : FormWorkerRunnerTests<Postgres>;
