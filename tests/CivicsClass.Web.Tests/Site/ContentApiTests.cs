using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

public abstract class ContentApiTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task List_ByTypeWithPagingAndTheme_ReturnsTotalAndItems()
    {
        using var client = await host.ClientAsync();

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/lesson?page=2&size=10");
        var history = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/Lesson?theme=" + Uri.EscapeDataString("工运历史"));

        Assert.Equal(30, all.GetProperty("total").GetInt32());
        Assert.Equal(10, all.GetProperty("items").GetArrayLength());
        var first = all.GetProperty("items")[0];
        foreach (var property in new[] { "id", "type", "title", "summary", "url", "cover" })
        {
            Assert.True(first.TryGetProperty(property, out _), property);
        }

        Assert.InRange(history.GetProperty("total").GetInt32(), 1, 29);
        Assert.Contains(history.GetProperty("items").EnumerateArray(), i => i.GetProperty("url").GetString() == "/lessons/anyuan-great-strike-1922");
    }

    [SkippableFact]
    public async Task Item_ReturnsRenderedBodyAndTerms()
    {
        using var client = await host.ClientAsync();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/venue?size=1");
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();

        var item = await client.GetFromJsonAsync<JsonElement>($"/api/v1/content/item/{id}");

        Assert.Equal("Venue", item.GetProperty("type").GetString());
        Assert.Contains("<p>", item.GetProperty("bodyHtml").GetString());
    }

    [SkippableFact]
    public async Task Item_OfALesson_ListsItsNarrationWithTheSentencesToRead()
    {
        using var client = await host.ClientAsync();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/lesson?size=1");
        var id = list.GetProperty("items")[0].GetProperty("id").GetString();

        var item = await client.GetFromJsonAsync<JsonElement>($"/api/v1/content/item/{id}");

        // This site's jobs are off: the narration and the mind map are queued, and the sentences are there for the device's own voice.
        var forms = item.GetProperty("forms").EnumerateArray().ToList();
        Assert.Equal(["mindmap", "narration"], forms.Select(f => f.GetProperty("kind").GetString()));
        Assert.Equal("pending", forms[0].GetProperty("state").GetString());
        var narration = forms[1];
        Assert.Equal("pending", narration.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, narration.GetProperty("url").ValueKind);
        var sentences = narration.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(item.GetProperty("title").GetString(), sentences[0].GetProperty("text").GetString());
        Assert.True(sentences.Count > 5);
    }

    [SkippableTheory]
    [InlineData("/api/v1/content/lesson?size=500", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/content/lesson?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/content/lesson?size=50&page=50000000", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/content/podcast", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/content/taxonomy", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/content/item/nope", HttpStatusCode.NotFound)]
    public async Task BadRequests_GetProblemDetailsNot500(string path, HttpStatusCode expected)
    {
        using var client = await host.ClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [SkippableFact]
    public async Task OpenApiDocument_DescribesTheContentEndpoints()
    {
        using var client = await host.ClientAsync();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/content/{type}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/content/item/{id}", out var item));
        Assert.Contains("narration", item.GetProperty("get").GetProperty("description").GetString());
        Assert.Contains("mindmap", item.GetProperty("get").GetProperty("description").GetString());
        var form = document.GetProperty("components").GetProperty("schemas").GetProperty("ItemForm").GetProperty("properties");
        foreach (var property in new[] { "kind", "state", "url", "mediaType", "size", "durationSeconds", "sentences" })
        {
            Assert.True(form.TryGetProperty(property, out _), property);
        }
    }
}

public sealed class SqliteContentApiTests(SiteHost<Sqlite> host) : ContentApiTests<Sqlite>(host);

public sealed class PostgresContentApiTests(SiteHost<Postgres> host) : ContentApiTests<Postgres>(host);
