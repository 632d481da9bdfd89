using CivicsClass.Content.Recipes;
using CivicsClass.Content.Seeds;
using CivicsClass.Data.Migrations;
using CivicsClass.Web.Operations;

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

    /// <summary>Queues every published item and indexes the queue, drawing a progress bar.</summary>
    private static async Task<int> RebuildSearchAsync(IServiceProvider services)
    {
        var indexer = services.GetRequiredService<Search.Indexing.SearchIndexer>();
        var total = await indexer.QueueAllAsync();
        var progress = new Progress<int>(done =>
        {
            var filled = total == 0 ? 20 : Math.Min(20, done * 20 / total);
            Console.Write($"\r[{new string('#', filled)}{new string('.', 20 - filled)}] {done}/{total}");
        });
        var indexed = await indexer.ProcessPendingAsync(progress);
        await services.GetRequiredService<Data.Dialects.ISqlDialect>().TidyAfterBulkWriteAsync();
        Console.WriteLine($"\nSearch index rebuilt: {indexed} items.");
        return 0;
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
        if (args is ["search", "rebuild"])
        {
            return await RebuildSearchAsync(services);
        }

        if (args.Length < 2 || args[0] == "search")
        {
            Console.Error.WriteLine($"usage: {args[0]} {args[0] switch { "import" => "SEEDS_FOLDER", "search" => "rebuild", _ => "RECIPE_FILE" }}");
            return 2;
        }

        switch (args[0])
        {
            case "import":
                await setup.EnsureRecipeAsync();
                var report = await services.GetRequiredService<SeedImporter>().ImportAsync(setup.Resolve(args[1]));
                await services.GetRequiredService<Search.Indexing.SearchIndexer>().DrainAsync(TimeSpan.FromMinutes(10));
                await services.GetRequiredService<Data.Dialects.ISqlDialect>().TidyAfterBulkWriteAsync();
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
