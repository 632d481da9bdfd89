namespace CivicsClass.Web.Setup;

internal static class SitePaths
{
    /// <summary>
    /// Finds a recipe or seeds folder given relative to the repository: from the content root and
    /// each folder above it, so the site finds them whether started from the repository or the project.
    /// </summary>
    public static string? Find(string contentRoot, string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return File.Exists(relative) || Directory.Exists(relative) ? relative : null;
        }

        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
