using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Learning.Tests;

/// <summary>Learning over a test database with the site's recipe applied and a clock the tests move; one per test class.</summary>
public sealed class LearningSite<TProvider> : IAsyncDisposable where TProvider : IDatabaseProvider, new()
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestSite? _site;

    public ManualClock Clock { get; } = new();

    public async Task<TestSite> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_site is null)
            {
                var site = await TestSite.CreateAsync(new TProvider(), services =>
                {
                    services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
                    services.AddSingleton<TimeProvider>(Clock);
                });
                await using (var scope = site.CreateScope())
                {
                    await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
                }

                _site = site;
            }

            return _site;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A published taxonomy's top terms, each holding its children.</summary>
    public static async Task<IReadOnlyList<TaxonomyTerm>> RootsAsync(TestSite site, string alias)
    {
        await using var scope = site.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>();
        var taxonomy = await scope.ServiceProvider.GetRequiredService<TaxonomyService>().GetTaxonomyAsync(alias, session, published: true);
        return taxonomy?.Part<TaxonomyPart>().Terms ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
