using CivicsClass.Content.Definitions;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Handlers;
using CivicsClass.Content.Items;
using CivicsClass.Content.Markdown;
using CivicsClass.Content.Migrations;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Recipes.Steps;
using CivicsClass.Content.Security;
using CivicsClass.Content.Seeds;
using CivicsClass.Content.Settings;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicsClass.Content;

public static class ContentModule
{
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ISearchMissGate, SafeTextSearchMissGate>();
        services.AddSingleton<IDataMigration, ContentMigrations>();
        services.AddSingleton<IIndexProvider, ContentItemIndexProvider>();
        services.AddSingleton<IIndexProvider, ContentTermIndexProvider>();
        services.AddSingleton<IIndexProvider, ContentReferenceIndexProvider>();
        services.AddSingleton<IIndexProvider, ContentFieldIndexProvider>();

        services.AddSingleton<ContentDefinitionCache>();
        services.AddScoped<ContentDefinitionManager>();
        services.AddScoped<ContentTypeEditor>();
        services.AddScoped<TaxonomyService>();
        services.AddSingleton<TermCache>();
        services.AddSingleton<ITermTrees>(provider => provider.GetRequiredService<TermCache>());
        services.AddScoped<IContentHandler, TermCacheHandler>();
        services.AddScoped<ContentItemValidator>();
        services.AddScoped<ContentReferences>();
        services.AddScoped<ContentChoices>();
        services.AddScoped<ContentDisplayBuilder>();
        services.AddScoped<ContentCardParts>();
        services.AddScoped<ContentSearchParts>();
        services.TryAddSingleton<KnownParts>();
        foreach (var part in ContentPartStartup.All())
        {
            part.ConfigureServices(services);
        }

        services.AddScoped<AddressAssigner>();
        services.TryAddSingleton<ISlugGenerator, LatinSlugGenerator>();
        services.AddScoped<ContentHandlerInvoker>();
        services.AddScoped<IContentHandler, PublishedContentSignal>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<SiteSettingsStore>();
        services.AddSingleton<RoleCatalog>();
        services.AddSingleton<IPermissionProvider, ContentPermissions>();

        services.AddScoped<RecipeExecutor>();
        services.AddScoped<IRecipeStep, ContentDefinitionStep>();
        services.AddScoped<IRecipeStep, TaxonomiesStep>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, ContentStep>();
        services.AddSingleton<SeedImporter>();
        return services;
    }
}
