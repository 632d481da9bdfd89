namespace CivicsClass.Media.Library;

/// <summary>A folder of the library and how many files it holds.</summary>
public sealed record MediaFolder(long Id, string Name, int Files);
