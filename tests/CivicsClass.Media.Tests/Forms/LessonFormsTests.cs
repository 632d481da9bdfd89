using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Study;
using CivicsClass.Media.Forms;
using CivicsClass.Media.Storage;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Media.Tests.Forms;

/// <summary>Narration made in the background when a lesson is published, on both databases: made once per text, again when the text changes, once after a crash.</summary>
public abstract class LessonFormsTests<TProvider>(FormsFixture<TProvider> fixture) : IClassFixture<FormsFixture<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Body = """
        ## 一场大会

        1925年5月1日，第二次全国劳动大会在广州召开，会议决定成立**中华全国总工会**。

        - 到会代表来自各地工会，代表会员约54万人。
        - 详情见[档案](https://example.org/archive)。

        ![合影](/media/none.jpg)
        """;

    [SkippableFact]
    public async Task Publish_Lesson_ProducesNarrationWithSentenceTimings()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("全总成立", "一堂关于全总成立的课。", Body);

        var pending = await site.NarrationAsync(id);
        await site.Worker.RunPendingAsync();
        var narration = await site.NarrationAsync(id);

        Assert.Equal(FormState.Pending, pending.State);
        Assert.Equal(FormState.Ready, narration.State);
        Assert.Equal("audio/mpeg", narration.MediaType);
        var key = MediaKey.FromUrl(narration.Url)!;
        await using (var file = site.Store.OpenRead(key)!)
        {
            var head = new byte[MediaSniffer.HeadLength];
            await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
            Assert.Equal(MediaSniffer.Mp3, MediaSniffer.Detect(head));
            Assert.Equal(file.Length, narration.SizeBytes);
        }

        var sentences = narration.Sentences!;
        Assert.Equal(["全总成立", "一堂关于全总成立的课。", "一场大会", "1925年5月1日，第二次全国劳动大会在广州召开，会议决定成立中华全国总工会。",
            "到会代表来自各地工会，代表会员约54万人。", "详情见档案。"], sentences.Select(s => s.Text));
        Assert.All(sentences.Zip(sentences.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start && pair.Second.Start < pair.Second.End));
        Assert.InRange(narration.DurationSeconds!.Value, sentences[^1].End!.Value, sentences[^1].End!.Value + 0.1);
        Assert.Contains("synthesisMs", narration.Timings);
    }

    [SkippableFact]
    public async Task EditText_AfterNarration_MakesItAgainAndDropsTheOldFile()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("劳模精神", "讲劳模精神。", "爱岗敬业，争创一流。");
        await site.Worker.RunPendingAsync();
        var first = await site.NarrationAsync(id);

        await site.EditAndPublishAsync(id, item => item.Apply(new MarkdownBodyPart { Markdown = "艰苦奋斗，勇于创新。淡泊名利，甘于奉献。" }));
        var waiting = await site.NarrationAsync(id);
        var taken = await site.Worker.RunPendingAsync();
        var second = await site.NarrationAsync(id);

        Assert.Equal(first.Url, waiting.Url); // the old narration is served until the new one is made
        Assert.Equal(2, taken); // the narration and the mind map, whose key sentence changed too
        Assert.NotEqual(first.Url, second.Url);
        Assert.Contains(second.Sentences!, s => s.Text == "淡泊名利，甘于奉献。");
        Assert.False(site.Store.Exists(MediaKey.FromUrl(first.Url)!));
        Assert.True(site.Store.Exists(MediaKey.FromUrl(second.Url)!));
    }

    [SkippableFact]
    public async Task Republish_WithTheSameText_IsNotNarratedAgain()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("工匠精神", "讲工匠精神。", "执着专注，精益求精。");
        await site.Worker.RunPendingAsync();
        var first = await site.NarrationAsync(id);

        await site.EditAndPublishAsync(id, item => item.SetField("Duration", new NumericField { Value = 12 }));
        var taken = await site.Worker.RunPendingAsync();

        Assert.Equal(0, taken);
        Assert.Equal(first.Url, (await site.NarrationAsync(id)).Url);
    }

    [SkippableFact]
    public async Task Unpublished_BeforeItsTurn_IsSkipped_AndNarratedWhenPublishedAgain()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("五一劳动节", "讲五一劳动节。", "五一国际劳动节是全世界劳动人民的节日。");
        await site.WithContentAsync(content => content.UnpublishAsync(id));

        var skipped = await site.Worker.RunPendingAsync();
        await site.WithContentAsync(async content => await content.PublishAsync((await content.GetAsync(id, VersionOptions.Latest))!));
        var made = await site.Worker.RunPendingAsync();

        Assert.Equal(2, skipped); // the narration and the mind map
        Assert.Equal(2, made);
        Assert.Equal(FormState.Ready, (await site.NarrationAsync(id)).State);
    }

    [SkippableFact]
    public async Task ExpiredClaim_OfAWorkerThatDied_IsCompletedOnceByAnother()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("二七大罢工", "讲二七大罢工。", "1923年2月，京汉铁路工人举行大罢工。");
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var crashed = (await site.Jobs.ClaimAsync(["narration"], now, TimeSpan.FromSeconds(120), 3))!;

        var whileClaimed = await site.Worker.RunPendingAsync();
        var filesBefore = site.Store.Count();
        site.Clock.Advance(TimeSpan.FromSeconds(121));
        var afterExpiry = await site.Worker.RunPendingAsync();
        var made = await site.NarrationAsync(id);
        await site.Worker.RunAsync(crashed, now, CancellationToken.None); // the first worker comes back late
        var afterLate = await site.NarrationAsync(id);

        Assert.Equal(id, crashed.ContentItemId);
        Assert.Equal(1, whileClaimed); // the mind map; the narration is still claimed
        Assert.Equal(1, afterExpiry);
        Assert.Equal(FormState.Ready, made.State);
        Assert.Equal(made.Url, afterLate.Url);
        Assert.Equal(filesBefore + 1, site.Store.Count());
        Assert.Contains("\"attempt\":2", made.Timings);
    }

    [SkippableFact]
    public async Task ListeningToTheNarration_CountsForATextLesson_BeforeItsReadingTime()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("青年工人", "讲青年工人。", "青年工人是产业工人队伍的生力军。要在岗位上建功立业。");
        await site.Worker.RunPendingAsync();
        var duration = (await site.NarrationAsync(id)).DurationSeconds!.Value;
        const long worker = 71_001;

        await using var scope = site.Site.CreateScope();
        var sessions = scope.ServiceProvider.GetRequiredService<StudySessions>();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var terms = await sessions.TermsAsync((await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id))!);
        var opened = (await sessions.OpenAsync(worker, id))!;
        await session.SaveChangesAsync();
        var (_, early) = await sessions.CompleteAsync(worker, opened.SessionId);
        site.Clock.Advance(TimeSpan.FromSeconds(Math.Ceiling(duration)));
        var (beat, _) = await sessions.HeartbeatAsync(worker, opened.SessionId, duration);
        var (completed, refusal) = await sessions.CompleteAsync(worker, opened.SessionId);
        await session.SaveChangesAsync();

        Assert.True(terms.ListeningOptional);
        Assert.Equal((int)Math.Ceiling(duration), terms.MediaDuration);
        Assert.True(terms.MinSeconds > duration); // so only the listening can have counted
        Assert.Equal("too-early", early!.Code);
        Assert.True(beat!.MediaSeconds >= terms.MediaSecondsRequired);
        Assert.Null(refusal);
        Assert.Equal(1, completed!.Awarded);
    }
}

public sealed class SqliteLessonFormsTests(FormsFixture<Sqlite> fixture) : LessonFormsTests<Sqlite>(fixture);

public sealed class PostgresLessonFormsTests(FormsFixture<Postgres> fixture) : LessonFormsTests<Postgres>(fixture);
