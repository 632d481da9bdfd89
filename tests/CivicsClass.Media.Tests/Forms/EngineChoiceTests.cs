using CivicsClass.Media.Forms;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Media.Tests.Forms;

/// <summary>The speech engine is a setting: a missing one leaves the page its sentences for the device's voice; another command replaces espeak-ng.</summary>
public abstract class EngineChoiceTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task MissingEngine_RecordsEngineUnavailable_AndKeepsTheSentencesForTheDevicesVoice()
    {
        await using var site = await FormsSite.CreateAsync(new TProvider(), "no-such-speech-engine -w {output}");
        var id = await site.PublishLessonAsync("安源大罢工", "讲安源大罢工。", "1922年9月，安源路矿工人举行大罢工。罢工坚持了5天。");

        var taken = await site.Worker.RunPendingAsync();
        var narration = await site.NarrationAsync(id);

        Assert.Equal(2, taken); // the narration set aside, the mind map drawn
        Assert.Equal(FormState.Unavailable, narration.State);
        Assert.Null(narration.Url);
        Assert.Contains("no-such-speech-engine", narration.Error);
        Assert.Equal(["安源大罢工", "讲安源大罢工。", "1922年9月，安源路矿工人举行大罢工。", "罢工坚持了5天。"], narration.Sentences!.Select(s => s.Text));
        Assert.All(narration.Sentences!, s => Assert.Null(s.Start));
        Assert.Equal(1, site.Store.Count()); // the mind map's picture only
    }

    [SkippableFact]
    public async Task ConfiguredEngine_GivenTheTextAsAnArgument_ReplacesTheDefault()
    {
        await using var site = await FormsSite.CreateAsync(new TProvider(), "espeak-ng -v cmn -s 200 -w {output} {text}");
        var id = await site.PublishLessonAsync("大国工匠", "讲大国工匠。", "技能成才，技能报国。");

        await site.Worker.RunPendingAsync();
        var narration = await site.NarrationAsync(id);

        Assert.Equal(FormState.Ready, narration.State);
        Assert.Equal(3, narration.Sentences!.Count);
        Assert.True(narration.DurationSeconds > 1);
    }
}

public sealed class SqliteEngineChoiceTests : EngineChoiceTests<Sqlite>;

public sealed class PostgresEngineChoiceTests : EngineChoiceTests<Postgres>;
