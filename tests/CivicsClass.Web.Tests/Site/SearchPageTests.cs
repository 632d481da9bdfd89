using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

public abstract class SearchPageTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task SearchPage_ShowsHighlightedResultsAndFacetLinks()
    {
        using var client = await IndexedClientAsync();

        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("劳模"));

        Assert.Contains("<mark>劳模</mark>", html);
        Assert.Contains("找到", html);
        Assert.Contains("/search?q=%E5%8A%B3%E6%A8%A1&amp;type=lesson", html);
        Assert.Contains("/search?q=%E5%8A%B3%E6%A8%A1&amp;theme=", html);
    }

    [SkippableFact]
    public async Task SearchPage_NoResultWithAllWords_ShowsWhatHasSomeOfThem()
    {
        using var client = await IndexedClientAsync();

        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("工匠精神量子纠缠"));

        Assert.Contains("没有同时包含所有词的结果", html);
    }

    [SkippableFact]
    public async Task Api_ReturnsTotalTookHitsAndFacets()
    {
        using var client = await IndexedClientAsync();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("工匠") + "&type=lesson&size=5");
        var suggest = await client.GetFromJsonAsync<JsonElement>("/api/v1/search/suggest?q=gongj");

        Assert.True(result.GetProperty("total").GetInt32() > 0);
        Assert.True(result.TryGetProperty("tookMs", out _));
        var hit = result.GetProperty("hits")[0];
        foreach (var property in new[] { "id", "type", "title", "url", "snippet", "score" })
        {
            Assert.True(hit.TryGetProperty(property, out _), property);
        }

        Assert.Equal(result.GetProperty("total").GetInt32(), result.GetProperty("facets").GetProperty("type").GetProperty("lesson").GetInt32());
        Assert.True(suggest.GetArrayLength() > 0);
    }

    [SkippableTheory]
    [InlineData("\"unbalanced")]
    [InlineData("-")]
    [InlineData("%00%01%02")]
    public async Task Api_BrokenQueries_Answer200(string query)
    {
        using var client = await IndexedClientAsync();

        var response = await client.GetAsync("/api/v1/search?q=" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task Api_TooLongQueryAndBadPaging()
    {
        using var client = await IndexedClientAsync();

        var longQuery = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(new string('劳', 2000)));
        var badSize = await client.GetAsync("/api/v1/search?q=x&size=1000");

        Assert.Equal(HttpStatusCode.OK, longQuery.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
    }

    private async Task<HttpClient> IndexedClientAsync()
    {
        var factory = await host.GetAsync();
        await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(20));
        return await host.ClientAsync();
    }
}

public sealed class SqliteSearchPageTests(SiteHost<Sqlite> host) : SearchPageTests<Sqlite>(host);

public sealed class PostgresSearchPageTests(SiteHost<Postgres> host) : SearchPageTests<Postgres>(host);
