using CivicsClass.Content.Handlers;
using CivicsClass.Content.Items;
using CivicsClass.Content.Reports;
using CivicsClass.Data;
using CivicsClass.Data.Migrations;
using CivicsClass.Search.Analysis;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Querying;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Search;

public static class SearchModule
{
    /// <summary>Chinese analysis, this node's Lucene index, the index log and the worker that follows it.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Search").Get<SearchOptions>() ?? new SearchOptions();
        options.Validate(); // a nonsense setting stops the site at its start, named, not at the first rebuild
        services.AddSingleton(options);
        services.AddSingleton<SearchResultCache>();
        services.AddSingleton<IDataMigration, SearchMigrations>();
        services.AddSingleton<TextNormaliser>();
        services.AddSingleton<WordDictionary>();
        services.AddSingleton<Segmenter>();
        services.AddSingleton<Pinyin>();
        services.AddSingleton<TextAnalyzer>();
        services.AddSingleton<ISlugGenerator, PinyinSlugGenerator>();
        services.AddSingleton<QueryParser>();
        services.AddSingleton<Highlighter>();
        services.AddSingleton(provider => new SearchIndex(
            Path.Combine(provider.GetRequiredService<AppDataFolder>().Path, options.IndexPath),
            folder => new LuceneIndex(folder, new CivicsAnalyzer(provider.GetRequiredService<TextAnalyzer>()),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<SearchIndex>(), options)));
        services.AddScoped<SearchDocumentBuilder>();
        services.AddScoped<SearchService>();
        services.AddMetrics(); // the indexer publishes its lag on a meter of this container
        services.AddScoped<ISearchReport, SearchReport>();
        services.AddSingleton<Trends.SearchTally>();
        services.AddSingleton<Trends.SearchTallyWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<Trends.SearchTallyWriter>());
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<CorpusIndexer>();
        services.AddHostedService(provider => provider.GetRequiredService<SearchIndexer>());
        services.AddScoped<IContentHandler, SearchIndexingHandler>();
        return services;
    }
}
