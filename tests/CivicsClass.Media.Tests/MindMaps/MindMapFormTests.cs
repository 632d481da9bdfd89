using CivicsClass.Content.Fields;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Forms;
using CivicsClass.Media.Generated;
using CivicsClass.Media.MindMaps;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Tests.Forms;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit;

namespace CivicsClass.Media.Tests.MindMaps;

/// <summary>The mind map drawn in the background when a lesson is published, on both databases: once per outline, again only when the outline changes, once after a crash.</summary>
public abstract class MindMapFormTests<TProvider>(FormsFixture<TProvider> fixture) : IClassFixture<FormsFixture<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Body = """
        ## 起因

        路矿当局克扣工资，**工人们忍无可忍**。于是酝酿罢工。

        - 工资低
        - 工时长

        ## 意义

        罢工取得完全胜利。
        """;

    [SkippableFact]
    public async Task Publish_Lesson_DrawsTheMindMapAsAPng()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("安源路矿工人大罢工", "讲安源大罢工。", Body);

        var pending = await site.FormAsync(id, FormKinds.MindMap);
        await site.Worker.RunPendingAsync();
        var form = await site.FormAsync(id, FormKinds.MindMap);

        Assert.Equal(FormState.Pending, pending.State);
        Assert.Equal(FormState.Ready, form.State);
        Assert.Equal("image/png", form.MediaType);
        Assert.StartsWith("/media/", form.Url);
        var expected = site.Site.Services.GetRequiredService<MindMapRenderer>().Render(MindMapOutline.From("安源路矿工人大罢工", Body), "x");
        await using var file = site.Store.OpenRead(MediaKey.FromUrl(form.Url)!)!;
        Assert.Equal(file.Length, form.SizeBytes);
        using var image = SKBitmap.Decode(file);
        Assert.Equal((expected.Width, expected.Height), (image.Width, image.Height));
        Assert.InRange(image.Width, 600, 2000);
        Assert.InRange(image.Height, 200, 1000);
        Assert.Equal(CoverPalette.Paper, image.GetPixel(2, 2));
        Assert.Contains("drawingMs", form.Timings);
    }

    [SkippableFact]
    public async Task Republish_Unchanged_IsNotDrawnAgain_AndAnEditOutsideTheOutline_RedoesOnlyTheNarration()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("二七大罢工", "讲二七大罢工。", Body);
        await site.Worker.RunPendingAsync();
        var first = await site.FormAsync(id, FormKinds.MindMap);
        var narration = await site.NarrationAsync(id);

        await site.EditAndPublishAsync(id, item => item.SetField("Duration", new NumericField { Value = 12 }));
        var afterUnchanged = await site.Worker.RunPendingAsync();
        await site.EditAndPublishAsync(id, item => item.Apply(new SummaryPart { Summary = "讲京汉铁路工人的二七大罢工。" }));
        var afterSummary = await site.Worker.RunPendingAsync();

        Assert.Equal(0, afterUnchanged);
        Assert.Equal(1, afterSummary);
        Assert.Equal(first.Url, (await site.FormAsync(id, FormKinds.MindMap)).Url);
        Assert.NotEqual(narration.Url, (await site.NarrationAsync(id)).Url);
    }

    [SkippableFact]
    public async Task EditAHeading_DrawsItAgain_AndDropsTheOldPicture()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("省港大罢工", "讲省港大罢工。", Body);
        await site.Worker.RunPendingAsync();
        var first = await site.FormAsync(id, FormKinds.MindMap);

        await site.EditAndPublishAsync(id, item => item.Apply(new MarkdownBodyPart { Markdown = Body.Replace("## 意义", "## 历史意义", StringComparison.Ordinal) }));
        var waiting = await site.FormAsync(id, FormKinds.MindMap);
        await site.Worker.RunPendingAsync();
        var second = await site.FormAsync(id, FormKinds.MindMap);

        Assert.Equal(first.Url, waiting.Url); // the old picture is served until the new one is drawn
        Assert.NotEqual(first.Url, second.Url);
        Assert.False(site.Store.Exists(MediaKey.FromUrl(first.Url)!));
        Assert.True(site.Store.Exists(MediaKey.FromUrl(second.Url)!));
    }

    [SkippableFact]
    public async Task ExpiredClaim_OfAWorkerThatDied_IsDrawnOnceByAnother()
    {
        var site = await fixture.GetAsync();
        var id = await site.PublishLessonAsync("京汉铁路", "讲京汉铁路。", Body);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var crashed = (await site.Jobs.ClaimAsync([FormKinds.MindMap], now, TimeSpan.FromSeconds(120), 3))!;

        await site.Worker.RunPendingAsync(); // the narration; the mind map is still claimed
        var whileClaimed = await site.FormAsync(id, FormKinds.MindMap);
        var filesBefore = site.Store.Count();
        site.Clock.Advance(TimeSpan.FromSeconds(121));
        var afterExpiry = await site.Worker.RunPendingAsync();
        var made = await site.FormAsync(id, FormKinds.MindMap);
        await site.Worker.RunAsync(crashed, now, CancellationToken.None); // the first worker comes back late

        Assert.Equal(id, crashed.ContentItemId);
        Assert.Equal(FormState.Running, whileClaimed.State);
        Assert.Equal(1, afterExpiry);
        Assert.Equal(FormState.Ready, made.State);
        Assert.Equal(made.Url, (await site.FormAsync(id, FormKinds.MindMap)).Url);
        Assert.Equal(filesBefore + 1, site.Store.Count());
        Assert.Contains("\"attempt\":2", made.Timings);
    }
}

public sealed class SqliteMindMapFormTests(FormsFixture<Sqlite> fixture) : MindMapFormTests<Sqlite>(fixture);

public sealed class PostgresMindMapFormTests(FormsFixture<Postgres> fixture) : MindMapFormTests<Postgres>(fixture);
