using CivicsClass.Content.Security;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Library;

namespace CivicsClass.Media.Panoramas;

/// <summary>The venue editor's panorama inputs, added to the panorama part by this module because they need the library.</summary>
internal sealed class PanoramaPartEditor(PanoramaEditor panoramas, MediaLibrary media, ICurrentPermissions permissions) : IPartEditor
{
    public string PartName => nameof(PanoramaPart);

    public async Task BuildAsync(PartEditorContext context)
    {
        var recent = await LibraryImageChoices.RecentFilesAsync(media, permissions);
        context.Add(new("Panoramas", "360° 全景图", "lines", PanoramaEditor.LinesKey, PanoramaEditor.Lines(context.Item.Part<PanoramaPart>()), Hint: PanoramaEditor.Hint));
        context.Add(new("Panorama", "添加全景图", "image", PanoramaEditor.AddKey, null, Hint: "上传宽高比 2:1 的 360° 全景照片（JPEG、PNG 或 WebP，按内容识别），或从媒体库中选择。",
            Options: PanoramaEditor.Choices(recent).Select(url => new Content.Editing.EditorOption(url, url)).ToList()));
    }

    public Task UpdateAsync(PartUpdateContext context) => panoramas.ApplyAsync(context.Item, context.Form["Panoramas"], context.Form["Panorama"], context.Errors);
}
