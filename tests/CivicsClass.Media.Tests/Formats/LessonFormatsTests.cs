using CivicsClass.Content.Parts;
using CivicsClass.Media.Formats;
using Xunit;

namespace CivicsClass.Media.Tests.Formats;

public sealed class LessonFormatsTests
{
    [Theory]
    [InlineData("/media/a.mp4", "/media/b.mp3", true, "视频")]
    [InlineData(null, "/media/b.mp3", true, "音频")]
    [InlineData(" ", null, true, "长图")]
    [InlineData(null, "", false, "图文")]
    public void Derive_NamesWhatTheLessonHas_VideoFirst(string? video, string? audio, bool hasLongImage, string expected)
    {
        var format = LessonFormats.Derive(new MediaPlayerPart { VideoUrl = video, AudioUrl = audio }, hasLongImage);

        Assert.Equal(expected, format);
    }

    [Fact]
    public void Derive_WithoutAPlayer_IsTextOrLongImage()
    {
        Assert.Equal(("图文", "长图"), (LessonFormats.Derive(null, false), LessonFormats.Derive(null, true)));
    }
}
