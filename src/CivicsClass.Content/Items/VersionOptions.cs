namespace CivicsClass.Content.Items;

/// <summary>Which version of an item to read.</summary>
public readonly record struct VersionOptions(string Kind, string? VersionId = null)
{
    public static VersionOptions Latest => new("latest");
    public static VersionOptions Published => new("published");
    public static VersionOptions Version(string versionId) => new("version", versionId);
}
