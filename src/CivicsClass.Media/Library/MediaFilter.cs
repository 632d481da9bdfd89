using CivicsClass.Media.Storage;

namespace CivicsClass.Media.Library;

/// <summary>Which files a library page or picker lists: a folder, a name search, one person's uploads, one kind, a page.</summary>
public sealed record MediaFilter(long? FolderId = null, string? Query = null, string? UploadedBy = null, MediaKind? Kind = null, int Skip = 0, int Take = 50);
