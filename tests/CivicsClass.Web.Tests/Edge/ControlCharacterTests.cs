using System.Net;
using System.Text;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using CivicsClass.Web.Edge;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Edge;

/// <summary>Control characters in a query string, a form or a path: cleaned or refused at the edge, and harmless to the search filters themselves.</summary>
public abstract class ControlCharacterTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableTheory]
    [InlineData("/search?type=%00")]
    [InlineData("/search?q=%E5%8A%B3%E6%A8%A1&type=lesson%00&region=%01")]
    [InlineData("/api/v1/search?type=%00")]
    [InlineData("/api/v1/search?q=%E5%8A%B3&type=a%00b&theme=%C2%85")]
    public async Task SearchFilter_ControlCharacter_Answers200(string url)
    {
        using var client = await host.ClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task SearchService_FilterWithNul_FindsWhatTheCleanFilterFinds()
    {
        var factory = await host.GetAsync();
        await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(20));
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();

        var dirty = await search.SearchAsync(new SearchRequest("劳模", Type: "lesson\0"));
        var nul = await search.SearchAsync(new SearchRequest(null, Type: "\0"));
        var clean = await search.SearchAsync(new SearchRequest("劳模", Type: "lesson"));

        Assert.Equal(clean.Total, dirty.Total);
        Assert.True(clean.Total > 0);
        Assert.Equal(0, nul.Total);
    }

    [SkippableFact]
    public async Task Path_ControlCharacter_Answers400()
    {
        using var client = await host.ClientAsync();

        var response = await client.GetAsync("/lessons/a%01b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ControlCharacterFilter.PathMessage, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A NUL in a form is refused by the framework's form reader already (a 400); the others are removed.</summary>
    [Fact]
    public async Task Form_ControlCharacters_AreRemovedButLineBreaksStay()
    {
        var context = new DefaultHttpContext();
        var body = Encoding.UTF8.GetBytes("title=%E5%8A%B3%01%E6%A8%A1%07&body=line%0D%0Anext%09tab%C2%85%7F&na%1Bme=x");
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request));

        CleanFormFeature.Wrap(context);
        var form = await context.Request.ReadFormAsync();

        Assert.Equal("劳模", form["title"]);
        Assert.Equal("line\r\nnext\ttab", form["body"]);
        Assert.Equal("x", form["name"]);
        Assert.Same(form, context.Request.Form);
    }
}

public sealed class SqliteControlCharacterTests(SiteHost<Sqlite> host) : ControlCharacterTests<Sqlite>(host);

public sealed class PostgresControlCharacterTests(SiteHost<Postgres> host) : ControlCharacterTests<Postgres>(host);
