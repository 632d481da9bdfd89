namespace CivicsClass.Media.Library;

/// <summary>A folder of the library and how many files it holds.</summary>
internal sealed record MediaFolder(long Id, string Name, int Files);
