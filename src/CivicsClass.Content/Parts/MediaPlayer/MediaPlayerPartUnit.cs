using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

internal sealed class MediaPlayerPartUnit : IPartEditor, IPartDisplay
{
    public string PartName => nameof(MediaPlayerPart);

    public Task BuildAsync(PartEditorContext context)
    {
        var player = context.Item.Part<MediaPlayerPart>();
        context.Add(new("VideoUrl", "视频地址", "url", "MediaPlayerPart.VideoUrl", player.VideoUrl, Hint: "媒体库里的 MP4，或 http(s) 地址。", MediaPicker: "video"));
        context.Add(new("AudioUrl", "音频地址", "url", "MediaPlayerPart.AudioUrl", player.AudioUrl, Hint: "媒体库里的 MP3、M4A，或 http(s) 地址。", MediaPicker: "audio"));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        var player = context.Item.Part<MediaPlayerPart>();
        player.VideoUrl = Url(context.Form, "VideoUrl", "MediaPlayerPart.VideoUrl", context.Errors);
        player.AudioUrl = Url(context.Form, "AudioUrl", "MediaPlayerPart.AudioUrl", context.Errors);
        context.Item.Apply(player);
        return Task.CompletedTask;
    }

    public Task DisplayAsync(PartDisplayContext context)
    {
        var player = context.Item.Get<MediaPlayerPart>(PartName);
        context.Display.Set(new MediaPlayerDisplay(player?.VideoUrl, player?.AudioUrl));
        return Task.CompletedTask;
    }
}
