using CivicsClass.Content.Handlers;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Migrations;
using CivicsClass.Search.Analysis;
using CivicsClass.Search.Backends;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Search;

public static class SearchModule
{
    /// <summary>Chinese analysis, the backend for the configured database, the durable indexing queue and its worker.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, Action<SearchOptions>? configure = null)
    {
        var options = new SearchOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<SearchResultCache>();
        services.AddSingleton<IDataMigration, SearchMigrations>();
        services.AddSingleton<TextNormaliser>();
        services.AddSingleton<WordDictionary>();
        services.AddSingleton<Segmenter>();
        services.AddSingleton<Pinyin>();
        services.AddSingleton<Analyzer>();
        services.AddSingleton<QueryParser>();
        services.AddSingleton<Highlighter>();
        services.AddSingleton<ISearchIndex>(provider => provider.GetRequiredService<ISqlDialect>().Name == "postgres"
            ? new PostgresSearchIndex()
            : new SqliteSearchIndex());
        services.AddScoped<SearchDocumentBuilder>();
        services.AddScoped<SearchService>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<CorpusIndexer>();
        services.AddHostedService(provider => provider.GetRequiredService<SearchIndexer>());
        services.AddScoped<IContentHandler, SearchIndexingHandler>();
        return services;
    }
}
