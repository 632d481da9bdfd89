namespace CivicsClass.Testing.Site;

/// <summary>
/// One seeded site per test class, started on first use (so a missing PostgreSQL server skips the
/// test rather than failing the fixture). Tests that change content use their own items.
/// </summary>
public class SiteHost<TProvider> : IAsyncDisposable where TProvider : IDatabaseProvider, new()
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _database;
    private SiteFactory? _factory;

    public async Task<SiteFactory> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_factory is null)
            {
                _database = await new TProvider().CreateAsync();
                _factory = CreateFactory(_database);
                _factory.CreateClient().Dispose();
            }

            return _factory;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected virtual SiteFactory CreateFactory(TestDatabase database) => new(database);

    public async Task<HttpClient> ClientAsync() =>
        (await GetAsync()).CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
