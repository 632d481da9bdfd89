namespace CivicsClass.Media.Library;

/// <summary>A content item that points at a file, so the file cannot be deleted.</summary>
public sealed record MediaUser(string ContentItemId, string ContentType, string DisplayText);
