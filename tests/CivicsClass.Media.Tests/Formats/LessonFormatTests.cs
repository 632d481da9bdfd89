using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Tests.Generated;
using CivicsClass.Media.Tests.Library;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Media.Tests.Formats;

/// <summary>A lesson's format label comes from what it really has, never from what someone typed.</summary>
public abstract class LessonFormatTests<TProvider>(MediaSiteHost<TProvider> host) : IClassFixture<MediaSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task SeededLessons_WithoutMedia_AreAllTextWithPictures()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();

        IReadOnlyList<ContentItem> lessons;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            lessons = (await scope.ServiceProvider.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 100 })).Items;
        }

        var videos = await client.GetStringAsync("/lessons?format=" + Uri.EscapeDataString("视频"));

        Assert.Equal(30, lessons.Count);
        Assert.All(lessons, l => Assert.Null(l.Get<MediaPlayerPart>(nameof(MediaPlayerPart))?.VideoUrl));
        Assert.All(lessons, l => Assert.Equal("图文", l.Field<TextField>("Format")?.Text));
        Assert.DoesNotContain("/lessons/anyuan-great-strike-1922\"", videos);
        Assert.DoesNotContain("class=\"card card-lesson\"", videos);
    }

    [SkippableFact]
    public async Task Format_FollowsThePlayerAndALongCover_WhateverWasTyped()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "formats", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("formats-long.png", TestFiles.Png(600, 2400)), ("formats-wide.png", TestFiles.Png(800, 450)));
        var longImage = await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "formats-long.png");
        var wideImage = await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "formats-wide.png");
        const string path = "lessons/gonghui-yizhan";

        var audio = await FormatAfterAsync(factory, path, item =>
        {
            item.Apply(new MediaPlayerPart { AudioUrl = "https://example.org/gonghui-yizhan.mp3" });
            item.SetField("Format", new TextField { Text = "视频" });
        });
        var video = await FormatAfterAsync(factory, path, item => item.Apply(new MediaPlayerPart { VideoUrl = "https://example.org/gonghui-yizhan.mp4" }));
        var longCover = await FormatAfterAsync(factory, path, item =>
        {
            item.Apply(new MediaPlayerPart());
            item.Apply(new MediaPart { Cover = longImage.Url });
        });
        var longImages = await editor.GetStringAsync("/lessons?format=" + Uri.EscapeDataString("长图"));
        var wideCover = await FormatAfterAsync(factory, path, item => item.Apply(new MediaPart { Cover = wideImage.Url }));

        Assert.Equal(("音频", "视频", "长图", "图文"), (audio, video, longCover, wideCover));
        Assert.Contains("/" + path + "\"", longImages);
    }

    [SkippableFact]
    public async Task Editor_DoesNotOfferTheFormat_ForItIsNotTyped()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "format-editor", "Editor"))["Editor"];

        var form = await editor.GetStringAsync("/admin/content/Lesson/new");

        Assert.Contains("name=\"F.Themes\"", form);
        Assert.DoesNotContain("name=\"F.Format\"", form);
    }

    private static async Task<string?> FormatAfterAsync(SiteFactory factory, string path, Action<ContentItem> change)
    {
        await GeneratedImagesTests<TProvider>.ChangeAsync(factory, path, change);
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync(path))?.Field<TextField>("Format")?.Text;
    }
}

public sealed class SqliteLessonFormatTests(MediaSiteHost<Sqlite> host) : LessonFormatTests<Sqlite>(host);

public sealed class PostgresLessonFormatTests(MediaSiteHost<Postgres> host) : LessonFormatTests<Postgres>(host);
