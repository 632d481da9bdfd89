namespace CivicsClass.AdminTheme.Models;

public sealed record MediaRow(string Key, string Url, string Name, string TypeLabel, string Size, string? Dimensions, long? FolderId, string Uploaded,
    bool IsImage, bool CanChange);

public sealed record MediaFolderRow(long Id, string Name, int Files);

/// <summary>A content item that uses a file, linked to its editor.</summary>
public sealed record MediaUserRow(string Title, string TypeLabel, string EditUrl);

public sealed record MediaLibraryViewModel(
    string Title,
    IReadOnlyList<MediaRow> Files,
    IReadOnlyList<MediaFolderRow> Folders,
    long? FolderId,
    string? Query,
    int Total,
    int Page,
    int Pages,
    bool CanManage,
    string Accept,
    string Limits,
    string? Message,
    IReadOnlyList<string> Errors,
    string? InUseName = null,
    IReadOnlyList<MediaUserRow>? InUse = null);

/// <summary><see cref="Kind"/> is null for images, else <c>audio</c> or <c>video</c>.</summary>
public sealed record MediaPickerViewModel(string Title, IReadOnlyList<MediaRow> Files, string? Query, string? Target, string? Kind = null);
