using CivicsClass.Content.Editing;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

/// <summary>The cover input, apart from the rest of the unit because only the editor needs the media library's choices.</summary>
internal sealed class MediaPartEditor(IImageChoices images) : IPartEditor
{
    public string PartName => nameof(MediaPart);

    public async Task BuildAsync(PartEditorContext context)
    {
        var cover = context.Item.Part<MediaPart>().Cover;
        var library = (await images.RecentAsync()).Select(f => new EditorOption(f.Url, f.Name)).ToList();
        var options = cover is null || library.Any(o => o.Value == cover) ? library : library.Prepend(new EditorOption(cover, cover)).ToList();
        context.Add(new("Cover", "封面图片", "image", "MediaPart.Cover", cover, Hint: "上传新图片（JPEG、PNG、WebP 或 GIF，按内容识别），或从媒体库中选择。",
            Options: options));
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        var media = context.Item.Part<MediaPart>();
        media.Cover = Url(context.Form, "Cover", "MediaPart.Cover", context.Errors);
        context.Item.Apply(media);
        return Task.CompletedTask;
    }
}
