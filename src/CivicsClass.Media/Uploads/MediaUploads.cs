using System.Globalization;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Library;
using CivicsClass.Media.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Uploads;

/// <summary>
/// Takes an upload into the library after checking it by its content: the type by its first bytes,
/// the size by its type, an image's dimensions from its header and then every pixel. A refused file
/// leaves nothing behind, neither bytes nor a record.
/// </summary>
public sealed class MediaUploads(IMediaStore store, IImageProcessor images, MediaLibrary library, IOptions<MediaOptions> options, TimeProvider clock)
{
    public const int MaxNameLength = 120;

    public static string AllowedTypes => string.Join("、", MediaSniffer.Types.Select(t => t.Label));

    /// <param name="checkShape">Where an image must have a certain shape (a panorama's 2:1): given its width and height, why it is refused, or null.</param>
    public async Task<UploadResult> UploadAsync(IFormFile upload, long? folderId, string? uploadedBy, MediaKind? onlyKind = null, CancellationToken cancellationToken = default,
        Func<int, int, string?>? checkShape = null)
    {
        var settings = options.Value;
        var name = DisplayName(upload.FileName);
        if (upload.Length == 0)
        {
            return Refuse($"“{name}”是空文件。");
        }

        if (upload.Length > settings.MaxUploadBytes)
        {
            return Refuse($"“{name}”太大：{Megabytes(upload.Length)}，任何文件最多 {Megabytes(settings.MaxUploadBytes)}。");
        }

        var head = new byte[MediaSniffer.HeadLength];
        int read;
        await using (var stream = upload.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (MediaSniffer.IsMarkup(head.AsSpan(0, read)))
        {
            return Refuse($"“{name}”是 SVG 或 HTML 等网页标记文件，可能带有脚本，不能上传。");
        }

        if (MediaSniffer.Detect(head.AsSpan(0, read)) is not { } type)
        {
            return Refuse($"“{name}”的文件内容不是允许的类型（按内容识别，不看扩展名）。允许：{AllowedTypes}。");
        }

        if (onlyKind is { } kind && type.Kind != kind)
        {
            return Refuse($"“{name}”是 {type.Label} 文件，这里只能上传图片。");
        }

        if (upload.Length > settings.MaxBytesFor(type.Kind))
        {
            return Refuse($"“{name}”太大：{type.Label} 文件最多 {Megabytes(settings.MaxBytesFor(type.Kind))}，这个文件 {Megabytes(upload.Length)}。");
        }

        if (uploadedBy is not null && settings.UserQuotaBytes > 0 && await library.UploadedBytesAsync(uploadedBy) is var used && used + upload.Length > settings.UserQuotaBytes)
        {
            return Refuse($"“{name}”超出了你的上传空间：已用 {Megabytes(used)}，每人最多 {Megabytes(settings.UserQuotaBytes)}。请删除不用的文件，或联系管理员。");
        }

        int? width = null, height = null;
        byte[]? bytes = null;
        if (type.Kind == MediaKind.Image)
        {
            bytes = new byte[upload.Length];
            await using (var stream = upload.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }

            var (checkedWidth, checkedHeight, error) = CheckImage(bytes, type, settings);
            if (error is not null)
            {
                return Refuse($"“{name}”：{error}");
            }

            if (checkShape?.Invoke(checkedWidth, checkedHeight) is { } shape)
            {
                return Refuse($"“{name}”{shape}");
            }

            (width, height) = (checkedWidth, checkedHeight);
        }

        return await KeepAsync(upload, bytes, type, width, height, folderId, uploadedBy, cancellationToken);
    }

    /// <summary>The header's size against the bounds before any decoding, then a full decode when an image library is there.</summary>
    private (int Width, int Height, string? Error) CheckImage(byte[] bytes, MediaType type, MediaOptions settings)
    {
        if (ImageHeader.Read(bytes, type) is not var (width, height) || width <= 0 || height <= 0)
        {
            return (0, 0, $"{type.Label} 文件头无法读取，文件可能已损坏。");
        }

        if ((long)width * height > settings.MaxPixels || width > settings.MaxDimension || height > settings.MaxDimension)
        {
            return (width, height, string.Create(CultureInfo.InvariantCulture,
                $"图片尺寸过大（{width}×{height} 像素，最多 {settings.MaxPixels / 10_000} 万像素、每边不超过 {settings.MaxDimension} 像素）。"));
        }

        // Whole before decoded: where no image library is there to decode, a cut-off file is still refused.
        if (ImageStructure.Check(bytes, type) is not null)
        {
            return (width, height, "图片文件不完整或已损坏，无法解码。");
        }

        var decoded = images.Check(bytes);
        if (decoded.Error is not null)
        {
            return (width, height, "图片文件不完整或已损坏，无法解码。");
        }

        return decoded.Width > 0 ? (decoded.Width, decoded.Height, null) : (width, height, null);
    }

    private async Task<UploadResult> KeepAsync(IFormFile upload, byte[]? bytes, MediaType type, int? width, int? height, long? folderId, string? uploadedBy,
        CancellationToken cancellationToken)
    {
        string key;
        await using (var stream = bytes is null ? upload.OpenReadStream() : new MemoryStream(bytes, writable: false))
        {
            key = await store.SaveAsync(stream, type.Extension, cancellationToken);
        }

        var file = new MediaFile(key, DisplayName(upload.FileName), folderId, type.ContentType, type.Kind.ToString(), upload.Length, width, height,
            uploadedBy, clock.GetUtcNow().UtcDateTime);
        try
        {
            await library.AddAsync(file);
            await library.SaveChangesAsync();
        }
        catch
        {
            store.Delete(key);
            throw;
        }

        return new UploadResult(file, null);
    }

    /// <summary>
    /// The name people see: the upload's own name without any folder part, never used as a path, and without
    /// control or format characters (a right-to-left override makes <c>gpj.exe</c> read as <c>exe.jpg</c>).
    /// </summary>
    public static string DisplayName(string? fileName)
    {
        var name = new string((fileName ?? "").Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray());
        name = Path.GetFileName(name.Replace('\\', '/')).Trim();
        return name.Length == 0 ? "未命名" : name[..Math.Min(name.Length, MaxNameLength)];
    }

    private static UploadResult Refuse(string message) => new(null, message);

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");
}
