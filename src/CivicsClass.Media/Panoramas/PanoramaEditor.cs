using CivicsClass.Content.Editing;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Library;
using CivicsClass.Media.Storage;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Http;

namespace CivicsClass.Media.Panoramas;

/// <summary>
/// The venue editor's panoramas: one line per panorama (<c>/media/… | 标题</c>, or <c>drawn</c> for the hall the site
/// draws), an image chosen from the library, or a file uploaded there and then. Every image must be a library image of
/// 2:1 shape; a panorama kept keeps the lessons' places in it.
/// </summary>
public sealed class PanoramaEditor(MediaLibrary library, PanoramaUploads uploads)
{
    public const string LinesKey = "PanoramaPart";
    public const string AddKey = "PanoramaPart.Add";
    public const string DrawnLine = "drawn";
    public const int MaxPanoramas = 12;
    public const int MaxTitleLength = 40;

    public const string Hint = "每行一张：媒体库地址 | 标题（标题可省略），drawn 表示由场馆介绍绘制的示意展厅。删去一行即移除。全景图须为宽高比 2:1 的等距柱状投影。";

    public static string Lines(PanoramaPart part) =>
        string.Join("\n", part.Panoramas.Select(p => (p.Drawn ? DrawnLine : p.Image) + (string.IsNullOrWhiteSpace(p.Title) ? "" : " | " + p.Title)));

    /// <summary>The library's images that are panoramas, for the editor to offer.</summary>
    public static IEnumerable<string> Choices(IEnumerable<MediaFile> images) =>
        images.Where(f => f.IsImage && PanoramaShape.Check(f.Width ?? 0, f.Height ?? 0) is null).Select(f => f.Url);

    public async Task ApplyAsync(ContentItem item, string? lines, string? chosen, IEditorErrors errors)
    {
        var before = item.Part<PanoramaPart>().Panoramas;
        var panoramas = new List<Panorama>();
        foreach (var line in (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var bar = line.IndexOf('|');
            var address = (bar < 0 ? line : line[..bar]).Trim();
            var title = bar < 0 ? null : line[(bar + 1)..].Trim();
            if (title?.Length > MaxTitleLength)
            {
                errors.Add(LinesKey, $"全景图标题“{title}”太长，最多 {MaxTitleLength} 个字。");
                continue;
            }

            var panorama = address == DrawnLine ? new Panorama { Drawn = true } : await CheckedAsync(address, LinesKey, errors) is { } url ? new Panorama { Image = url } : null;
            if (panorama is not null)
            {
                panorama.Title = string.IsNullOrEmpty(title) ? null : title;
                panorama.Hotspots = before.FirstOrDefault(p => p.Drawn == panorama.Drawn && p.Image == panorama.Image)?.Hotspots ?? [];
                panoramas.Add(panorama);
            }
        }

        if (!string.IsNullOrWhiteSpace(chosen) && !panoramas.Any(p => p.Image == chosen.Trim()) && await CheckedAsync(chosen.Trim(), AddKey, errors) is { } added)
        {
            panoramas.Add(new Panorama { Image = added });
        }

        if (panoramas.Count > MaxPanoramas)
        {
            errors.Add(LinesKey, $"一个场馆最多 {MaxPanoramas} 张全景图。");
        }

        item.Apply(new PanoramaPart { Panoramas = panoramas });
    }

    /// <summary>Takes an uploaded panorama into the library (refused unless 2:1) and adds it to the item.</summary>
    public async Task UploadAsync(ContentItem item, IFormFile file, string? uploadedBy, FormErrors errors, CancellationToken cancellationToken)
    {
        var result = await uploads.UploadAsync(file, uploadedBy, cancellationToken);
        if (result.Error is not null)
        {
            errors.Add(AddKey, result.Error);
            return;
        }

        var part = item.Part<PanoramaPart>();
        part.Panoramas.Add(new Panorama { Image = result.File!.Url });
        item.Apply(part);
    }

    private async Task<string?> CheckedAsync(string address, string errorKey, IEditorErrors errors)
    {
        if (MediaKey.FromUrl(address) is not { } key || await library.GetAsync(key) is not { IsImage: true } file)
        {
            errors.Add(errorKey, $"“{address}”不是媒体库里的图片，请先上传或从媒体库选择。");
            return null;
        }

        if (PanoramaShape.Check(file.Width ?? 0, file.Height ?? 0) is { } shape)
        {
            errors.Add(errorKey, $"“{file.Name}”{shape}");
            return null;
        }

        return MediaKey.Url(key);
    }
}
