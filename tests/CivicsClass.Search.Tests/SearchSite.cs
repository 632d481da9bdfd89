using CivicsClass.Content.Recipes;
using CivicsClass.Content.Seeds;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Search.Tests;

/// <summary>A site with the recipe, the seeds and search, its index log applied; one per test class.</summary>
public sealed class SearchSite<TProvider> : IAsyncDisposable where TProvider : IDatabaseProvider, new()
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestSite? _site;

    public async Task<TestSite> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_site is null)
            {
                var site = await TestSite.CreateAsync(new TProvider(), services => services.AddSearch(new ConfigurationBuilder().Build()));
                await using (var scope = site.CreateScope())
                {
                    await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
                }

                await site.Services.GetRequiredService<SeedImporter>().ImportAsync(RepositoryPaths.Seeds);
                await site.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
                _site = site;
            }

            return _site;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<SearchResult> SearchAsync(string query, string? type = null, string? theme = null, int size = 50)
    {
        await using var scope = (await GetAsync()).CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(query, type, theme, Size: size));
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
