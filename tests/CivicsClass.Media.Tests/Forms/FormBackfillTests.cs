using CivicsClass.Media.Forms;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Media.Tests.Forms;

/// <summary>A site whose lessons were published before narration existed gets it for all of them at the next start, once.</summary>
public abstract class FormBackfillTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Start_WithLessonsPublishedBeforeNarration_QueuesEachOnce()
    {
        await using var site = await FormsSite.CreateAsync(new TProvider());
        var first = await site.PublishLessonAsync("一", "第一课。", "正文一。");
        var second = await site.PublishLessonAsync("二", "第二课。", "正文二。");
        await using (var connection = await site.Site.Services.GetRequiredService<Data.Dialects.ISqlDialect>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM lesson_form"); // as on a site upgraded to a version with narration
        }

        var backfill = site.Site.Services.GetRequiredService<FormBackfill>();
        var generator = site.Site.Services.GetServices<ILessonFormGenerator>().Single(g => g.Kind == FormKinds.Narration);
        var queued = await backfill.RunAsync(generator, CancellationToken.None);
        var again = await backfill.RunAsync(generator, CancellationToken.None);
        var made = await site.Worker.RunPendingAsync();

        Assert.Equal(2, queued);
        Assert.Equal(0, again);
        Assert.Equal(2, made);
        Assert.Equal(FormState.Ready, (await site.NarrationAsync(first)).State);
        Assert.Equal(FormState.Ready, (await site.NarrationAsync(second)).State);
    }
}

public sealed class SqliteFormBackfillTests : FormBackfillTests<Sqlite>;

public sealed class PostgresFormBackfillTests : FormBackfillTests<Postgres>;
