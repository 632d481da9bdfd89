namespace CivicsClass.Media.Storage;

/// <summary>A kind of file the library takes: its extension, content type and the label people see.</summary>
internal sealed record MediaType(string Extension, string ContentType, MediaKind Kind, string Label);
