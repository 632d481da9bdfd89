using CivicsClass.Content.Recipes;
using CivicsClass.Content.Seeds;
using CivicsClass.Data.Migrations;
using CivicsClass.Operations;

namespace CivicsClass.Web.Setup;

/// <summary>
/// Commands run instead of the web server: <c>import DIR</c> imports seed files, <c>recipe FILE</c>
/// applies a recipe, <c>search rebuild</c> rebuilds the index; backup, restore and migration are in
/// <see cref="OperationsCommands"/>. They report problems with their place and exit non-zero when something failed.
/// </summary>
internal static class SiteCommands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "import" or "recipe" or "search" || OperationsCommands.IsCommand(args);

    /// <summary>Rebuilds this node's index from the published content, drawing a progress bar.</summary>
    private static async Task<int> RebuildSearchAsync(IServiceProvider services)
    {
        var indexer = services.GetRequiredService<Search.Indexing.SearchIndexer>();
        var progress = new Progress<(int Done, int Total)>(p =>
        {
            var filled = p.Total == 0 ? 20 : Math.Min(20, p.Done * 20 / p.Total);
            Console.Write($"\r[{new string('#', filled)}{new string('.', 20 - filled)}] {p.Done}/{p.Total}");
        });
        var indexed = await indexer.RebuildAsync(progress);
        Console.WriteLine($"\nSearch index rebuilt: {indexed} items.");
        return 0;
    }

    /// <summary>This node's index against the log: where its cursor is, the log's head, documents and size.</summary>
    private static async Task<int> SearchStatusAsync(IServiceProvider services)
    {
        var indexer = services.GetRequiredService<Search.Indexing.SearchIndexer>();
        var index = services.GetRequiredService<Search.Engine.SearchIndex>();
        var head = await indexer.HeadAsync();
        Console.WriteLine($"index:     {index.Folder}");
        Console.WriteLine($"cursor:    {index.Cursor}");
        Console.WriteLine($"log head:  {head.Seq} (kept after {head.TrimmedThrough})");
        Console.WriteLine($"lag:       {Math.Max(0, head.Seq - index.Cursor)}");
        Console.WriteLine($"documents: {index.Count}");
        Console.WriteLine($"size:      {index.SizeOnDisk / 1024.0 / 1024.0:F1} MB");
        return 0;
    }

    /// <summary>Runs a search command, or says that the running site holds this node's index.</summary>
    private static async Task<int> SearchCommandAsync(IServiceProvider services, Func<IServiceProvider, Task<int>> command)
    {
        try
        {
            return await command(services);
        }
        catch (Search.Engine.SearchIndexInUseException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (OperationsCommands.IsCommand(args))
        {
            return await OperationsCommands.RunAsync(app, args);
        }

        var services = app.Services;
        var setup = services.GetRequiredService<SiteSetup>();
        await services.GetRequiredService<MigrationRunner>().RunAsync();
        switch (args)
        {
            case ["search", "rebuild"]:
                return await SearchCommandAsync(services, RebuildSearchAsync);
            case ["search", "status"]:
                return await SearchCommandAsync(services, SearchStatusAsync);
        }

        if (args.Length < 2 || args[0] == "search")
        {
            Console.Error.WriteLine($"usage: {args[0]} {args[0] switch { "import" => "SEEDS_FOLDER", "search" => "rebuild|status", _ => "RECIPE_FILE" }}");
            return 2;
        }

        switch (args[0])
        {
            case "import":
                await setup.EnsureRecipeAsync();
                var report = await services.GetRequiredService<SeedImporter>().ImportAsync(setup.Resolve(args[1]));
                await services.GetRequiredService<Data.Dialects.ISqlDialect>().TidyAfterBulkWriteAsync();
                // A running site on this node follows the log and indexes the import itself.
                await SearchCommandAsync(services, async s =>
                {
                    await s.GetRequiredService<Search.Indexing.SearchIndexer>().DrainAsync(TimeSpan.FromMinutes(10));
                    return 0;
                });
                Console.WriteLine($"Imported {report.ImportedCount}, unchanged {report.UnchangedCount}, errors {report.Errors.Count}.");
                foreach (var (type, count) in report.Imported)
                {
                    Console.WriteLine($"  {type}: {count}");
                }

                foreach (var error in report.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                return report.Errors.Count == 0 ? 0 : 1;
            default:
                try
                {
                    await setup.ApplyRecipeAsync(setup.Resolve(args[1]));
                    Console.WriteLine($"Recipe {args[1]} applied.");
                    return 0;
                }
                catch (RecipeException exception)
                {
                    Console.Error.WriteLine(exception.Message);
                    return 1;
                }
        }
    }
}
