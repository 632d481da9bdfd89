namespace CivicsClass.Data;

/// <summary>The node's own data folder (<c>App_Data</c> under the content root): a SQLite file, a search index, media.</summary>
public sealed record AppDataFolder(string Path);
