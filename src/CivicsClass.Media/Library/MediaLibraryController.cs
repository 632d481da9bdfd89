using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Security;
using CivicsClass.Media.Serving;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using CivicsClass.Theme;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Library;

/// <summary>
/// The media library at <c>/admin/media</c>. Anyone who may upload sees and changes their own files;
/// with ManageMedia, everyone's, and the folders. A file that content still uses cannot be deleted.
/// Part of the admin area (its views are the admin theme's): signed in, able to edit one's own
/// content, and every form's antiforgery token checked.
/// </summary>
[Area("Admin")]
[RequirePermission(ContentPermissions.EditOwnContent)]
[RequirePermission(MediaPermissions.UploadMedia)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class MediaLibraryController(
    MediaLibrary library,
    MediaUploads uploads,
    IMediaStore store,
    DerivativeCache derivatives,
    ICurrentPermissions permissions,
    ContentDefinitionManager definitions,
    IOptions<MediaOptions> options,
    TimeProvider clock) : Controller
{
    public const int PageSize = 40;

    [HttpGet]
    public async Task<IActionResult> Index(long? folder, string? q, int page = 1) =>
        View(await PageAsync(folder, q, page, (string?)TempData["Message"], []));

    [HttpPost]
    [MediaUploadLimit]
    public async Task<IActionResult> Upload([FromForm] long? folder)
    {
        var files = Request.Form.Files.GetFiles("files");
        var errors = new List<string>();
        if (files.Count == 0)
        {
            errors.Add("请选择要上传的文件。");
        }

        if (folder is not null && !await FolderExistsAsync(folder.Value))
        {
            errors.Add("没有这个文件夹。");
            files = [];
        }

        var kept = 0;
        foreach (var file in files)
        {
            var result = await uploads.UploadAsync(file, folder, permissions.UserId, cancellationToken: HttpContext.RequestAborted);
            if (result.Error is null)
            {
                kept++;
            }
            else
            {
                errors.Add(result.Error);
            }
        }

        var message = kept > 0 ? $"已上传 {kept} 个文件。" : null;
        if (errors.Count == 0)
        {
            TempData["Message"] = message;
            return LocalRedirect(Back(folder));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await PageAsync(folder, null, 1, message, errors));
    }

    [HttpPost]
    public async Task<IActionResult> Rename(string key, [FromForm] string? name)
    {
        if (await ChangeableAsync(key) is not { } file)
        {
            return await RefusedAsync(key);
        }

        var newName = MediaUploads.DisplayName(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            return await ProblemAsync(file.FolderId, "名称不能为空。");
        }

        await library.RenameAsync(key, newName);
        await library.SaveChangesAsync();
        TempData["Message"] = $"已改名为“{newName}”。";
        return LocalRedirect(Back(file.FolderId));
    }

    [HttpPost]
    public async Task<IActionResult> Move(string key, [FromForm] long? folder)
    {
        if (await ChangeableAsync(key) is not { } file)
        {
            return await RefusedAsync(key);
        }

        if (folder is not null && !await FolderExistsAsync(folder.Value))
        {
            return await ProblemAsync(file.FolderId, "没有这个文件夹。");
        }

        await library.MoveAsync(key, folder);
        await library.SaveChangesAsync();
        TempData["Message"] = $"“{file.Name}”已移动。";
        return LocalRedirect(Back(folder));
    }

    [HttpPost]
    public async Task<IActionResult> Delete(string key)
    {
        if (await ChangeableAsync(key) is not { } file)
        {
            return await RefusedAsync(key);
        }

        var users = await library.UsersOfAsync(key);
        if (users.Count > 0)
        {
            var types = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName);
            var rows = users.Select(u => new MediaUserRow(u.DisplayText, types.GetValueOrDefault(u.ContentType, u.ContentType), $"/admin/content/edit/{u.ContentItemId}")).ToList();
            Response.StatusCode = StatusCodes.Status409Conflict;
            var page = await PageAsync(file.FolderId, null, 1, null, [$"“{file.Name}”正在被 {users.Count} 条内容使用，不能删除。请先在这些内容里换掉它。"]);
            return View("Index", page with { InUseName = file.Name, InUse = rows });
        }

        await library.RemoveAsync(key);
        await library.SaveChangesAsync();
        store.Delete(key);
        derivatives.Remove(key);
        TempData["Message"] = $"已删除“{file.Name}”。";
        return LocalRedirect(Back(file.FolderId));
    }

    [HttpPost]
    [RequirePermission(MediaPermissions.ManageMedia)]
    public async Task<IActionResult> CreateFolder([FromForm] string? name)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 1 or > 40)
        {
            return await ProblemAsync(null, "文件夹名称写 1 到 40 个字。");
        }

        if (await library.CreateFolderAsync(name, clock.GetUtcNow().UtcDateTime) is not { } id)
        {
            return await ProblemAsync(null, $"已经有名为“{name}”的文件夹。");
        }

        await library.SaveChangesAsync();
        TempData["Message"] = $"已新建文件夹“{name}”。";
        return LocalRedirect(Back(id));
    }

    [HttpPost]
    [RequirePermission(MediaPermissions.ManageMedia)]
    public async Task<IActionResult> DeleteFolder(long id)
    {
        if (!await library.DeleteFolderAsync(id))
        {
            return await ProblemAsync(id, "文件夹里还有文件，先移走或删除它们。");
        }

        await library.SaveChangesAsync();
        TempData["Message"] = "文件夹已删除。";
        return LocalRedirect("/admin/media");
    }

    /// <summary>Files of one kind to choose from for an editor's field: opened beside the editor, it hands the chosen address back.</summary>
    [HttpGet]
    public async Task<IActionResult> Picker(string? q, string? target, string? kind)
    {
        var (mediaKind, title) = kind switch
        {
            "audio" => (MediaKind.Audio, "从媒体库选择音频"),
            "video" => (MediaKind.Video, "从媒体库选择视频"),
            _ => (MediaKind.Image, "从媒体库选择图片"),
        };
        var (files, _) = await library.ListAsync(new MediaFilter(Query: q, UploadedBy: await OwnOnlyAsync(), Kind: mediaKind, Take: PageSize));
        // The target names an editor field; anything else is dropped rather than echoed into the page's script hooks.
        var field = target is { Length: > 0 and <= 40 } && target.All(char.IsAsciiLetterOrDigit) ? target : null;
        return View(new MediaPickerViewModel(title, await RowsAsync(files), q, field, mediaKind == MediaKind.Image ? null : kind));
    }

    private async Task<MediaLibraryViewModel> PageAsync(long? folder, string? q, int page, string? message, IReadOnlyList<string> errors)
    {
        page = Math.Clamp(page, 1, 10_000);
        var (files, total) = await library.ListAsync(new MediaFilter(folder, q, await OwnOnlyAsync(), Skip: (page - 1) * PageSize, Take: PageSize));
        var folders = (await library.FoldersAsync()).Select(f => new MediaFolderRow(f.Id, f.Name, f.Files)).ToList();
        var settings = options.Value;
        var limits = string.Create(CultureInfo.InvariantCulture,
            $"图片最大 {settings.MaxImageBytes >> 20} MB，音频 {settings.MaxAudioBytes >> 20} MB，视频 {settings.MaxVideoBytes >> 20} MB，PDF {settings.MaxDocumentBytes >> 20} MB；图片最多 {settings.MaxPixels / 10_000} 万像素。");
        return new MediaLibraryViewModel("媒体库", await RowsAsync(files), folders, folder, q, total, page, PageCount(total, PageSize),
            await permissions.HasAsync(MediaPermissions.ManageMedia), string.Join(",", MediaSniffer.Types.Select(t => t.ContentType)), limits, message, errors);
    }

    private async Task<IReadOnlyList<MediaRow>> RowsAsync(IReadOnlyList<MediaFile> files)
    {
        var manage = await permissions.HasAsync(MediaPermissions.ManageMedia);
        return files.Select(f => new MediaRow(f.MediaKey, f.Url, f.Name, MediaSniffer.ForKey(f.MediaKey)?.Label ?? f.ContentType, Size(f.SizeBytes),
            f.Width is { } w && f.Height is { } h ? string.Create(CultureInfo.InvariantCulture, $"{w}×{h}") : null, f.FolderId, When(f.CreatedUtc),
            f.IsImage, manage || (f.UploadedBy is not null && f.UploadedBy == permissions.UserId))).ToList();
    }

    /// <summary>Without ManageMedia, only one's own uploads.</summary>
    private async Task<string?> OwnOnlyAsync() => await permissions.HasAsync(MediaPermissions.ManageMedia) ? null : permissions.UserId ?? "-";

    private async Task<MediaFile?> ChangeableAsync(string key) =>
        await library.GetAsync(key) is { } file && (await permissions.HasAsync(MediaPermissions.ManageMedia) || (file.UploadedBy is not null && file.UploadedBy == permissions.UserId))
            ? file
            : null;

    private async Task<IActionResult> RefusedAsync(string key) => await library.GetAsync(key) is null ? NotFound() : Forbid();

    private async Task<IActionResult> ProblemAsync(long? folder, string error)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await PageAsync(folder, null, 1, null, [error]));
    }

    private async Task<bool> FolderExistsAsync(long id) => (await library.FoldersAsync()).Any(f => f.Id == id);

    private static string Back(long? folder) => folder is null ? "/admin/media" : string.Create(CultureInfo.InvariantCulture, $"/admin/media?folder={folder}");

    private static int PageCount(int total, int size) => Math.Max(1, (total + size - 1) / size);

    /// <summary>China's time, as the rest of the admin area writes it.</summary>
    private static string When(DateTime utc) => SiteFormat.ToChina(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");
}
