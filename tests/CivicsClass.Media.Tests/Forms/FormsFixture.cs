using CivicsClass.Testing;

namespace CivicsClass.Media.Tests.Forms;

/// <summary>One site with the default speech engine per test class and database; each test publishes its own lessons.</summary>
public sealed class FormsFixture<TProvider> : IAsyncDisposable where TProvider : IDatabaseProvider, new()
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FormsSite? _site;

    public async Task<FormsSite> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _site ??= await FormsSite.CreateAsync(new TProvider());
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
