namespace CivicsClass.Operations.Backups;

/// <summary>
/// The site's own files under <c>App_Data</c>: uploaded media and anything else a module keeps
/// there. SQLite database files are not among them (a backup copies the site's database through
/// SQLite, and a PostgreSQL site's old SQLite file is not its data), and neither is a
/// <c>media-cache</c> folder, whose derivatives are made again on demand.
/// </summary>
internal sealed class SiteFolders(string contentRoot)
{
    public const string MediaFolderName = "media";
    public const string StagingPrefix = ".restore-";

    public string Data { get; } = Path.Combine(contentRoot, "App_Data");

    public string Media => Path.Combine(Data, MediaFolderName);

    /// <summary>Every site file, with its path relative to <see cref="Data"/> using <c>/</c>.</summary>
    public IEnumerable<(string Relative, string Path)> Files(IReadOnlySet<string> excluded)
    {
        if (!Directory.Exists(Data))
        {
            yield break;
        }

        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(Data)]);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                if (entry.Name.StartsWith(StagingPrefix, StringComparison.Ordinal) || excluded.Contains(entry.FullName) || IsSqliteFile(entry.Name))
                {
                    continue;
                }

                if (entry is DirectoryInfo child)
                {
                    // A linked folder is followed: shared media storage is often mounted that way.
                    if (child.Name != "media-cache")
                    {
                        pending.Push(child);
                    }
                }
                else
                {
                    yield return (Path.GetRelativePath(Data, entry.FullName).Replace(Path.DirectorySeparatorChar, '/'), entry.FullName);
                }
            }
        }
    }

    private static readonly string[] s_sqliteEndings = [".db", ".db-wal", ".db-shm", ".db-journal", ".db.restoring"];

    private static bool IsSqliteFile(string name) => s_sqliteEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal));
}
