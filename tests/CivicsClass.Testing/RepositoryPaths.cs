namespace CivicsClass.Testing;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds CivicsClass.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Recipe => Path.Combine(Root, "content-recipes", "civics-class.recipe.json");

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The source documents beside the repository, when they are there.</summary>
    public static string Corpus => Path.Combine(Root, "..", "shared", "corpus");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicsClass.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CivicsClass.sln was not found above " + AppContext.BaseDirectory);
    }
}
