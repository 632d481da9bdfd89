using CivicsClass.Content.Security;
using CivicsClass.Media.Storage;
using CivicsClass.Content.Parts;

namespace CivicsClass.Media.Library;

/// <summary>The cover choices an editor sees: the library's newest images, only their own unless they may manage all media.</summary>
internal sealed class LibraryImageChoices(MediaLibrary media, ICurrentPermissions permissions) : IImageChoices
{
    public const int MaxChoices = 48;

    public async Task<IReadOnlyList<ImageChoice>> RecentAsync() =>
        (await RecentFilesAsync(media, permissions)).Select(f => new ImageChoice(f.Url, f.Name)).ToList();

    public static async Task<IReadOnlyList<MediaFile>> RecentFilesAsync(MediaLibrary media, ICurrentPermissions permissions)
    {
        var everyone = await permissions.HasAsync(MediaPermissions.ManageMedia);
        var (recent, _) = await media.ListAsync(new MediaFilter(UploadedBy: everyone ? null : permissions.UserId ?? "-", Kind: MediaKind.Image, Take: MaxChoices));
        return recent;
    }
}
