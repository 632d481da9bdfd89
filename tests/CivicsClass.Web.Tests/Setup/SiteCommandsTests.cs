using System.Diagnostics;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Setup;

/// <summary>The commands as an operator runs them: the built site as a process, against a real database.</summary>
public abstract class SiteCommandsTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Import_OnAnEmptyDatabase_AppliesTheRecipeAndIsIdempotent()
    {
        await using var database = await new TProvider().CreateAsync();

        var first = await RunAsync(database, "import", RepositoryPaths.Seeds);
        var second = await RunAsync(database, "import", RepositoryPaths.Seeds);
        var rebuild = await RunAsync(database, "search", "rebuild");
        var status = await RunAsync(database, "search", "status");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Imported 67, unchanged 0, errors 0.", first.Output);
        Assert.Contains("Imported 0, unchanged 67, errors 0.", second.Output);
        Assert.Contains("Search index rebuilt: 67 items.", rebuild.Output);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("lag:       0", status.Output);
        Assert.Contains("documents: 67", status.Output);
    }

    [SkippableFact]
    public async Task Recipe_Malformed_ExitsNonZeroWithTheReason()
    {
        await using var database = await new TProvider().CreateAsync();
        var recipe = Path.Combine(database.Directory, "bad.recipe.json");
        await File.WriteAllTextAsync(recipe, """{ "Steps": [ { "Name": "Taxonomies", "Taxonomies": [ { "Alias": "Theme" } ] } ] }""");

        var result = await RunAsync(database, "recipe", recipe);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$.Steps[0].Taxonomies[0].DisplayName：必须填写", result.Output);
    }

    [SkippableFact]
    public async Task Import_BrokenSeed_ExitsNonZeroNamingFileAndLine()
    {
        await using var database = await new TProvider().CreateAsync();
        var seeds = Path.Combine(database.Directory, "seeds");
        Directory.CreateDirectory(seeds);
        await File.WriteAllTextAsync(Path.Combine(seeds, "x.md"), "---\ntype: Lecturer\nslug: x\ntitle: 某人\ncategory: 宇航员\n---\n正文\n");

        var result = await RunAsync(database, "import", seeds);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("x.md:5: “宇航员”不是分类 LecturerCategory 中的词条。", result.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = database.Directory };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = database.Options.Provider;
        start.Environment["Database__ConnectionString"] = database.Options.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_CONTENTROOT"] = Path.Combine(RepositoryPaths.Root, "src", "CivicsClass.Web");
        // Each test's own search index: the content root is shared, and an index folder has one process at a time.
        start.Environment["Search__IndexPath"] = Path.Combine(database.Directory, "search");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

public sealed class SqliteSiteCommandsTests : SiteCommandsTests<Sqlite>;

public sealed class PostgresSiteCommandsTests : SiteCommandsTests<Postgres>;
