using System.Globalization;
using System.Net;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

/// <summary>The indexes beside the catalogue (topics, talks), robots.txt, and HEAD on every page.</summary>
public abstract class SiteIndexTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private static readonly string[] s_topics =
    [
        "changguan-li-de-sizhengke", "daguo-gongjiang-jiang-gongjiang-jingshen", "guanai-xin-jiuye-xingtai",
        "jinian-quanzong-100-zhounian", "xuexi-gonghui-shibada", "yifa-weiquan-mingbai-laodong",
    ];

    // The seeded talks, when they start, and whether a recording is linked.
    private static readonly (string Slug, string StartsAt, bool Recorded)[] s_events =
    [
        ("anyuan-strike-site-class-2026", "2026-10-17T09:30:00+08:00", true),
        ("erqi-site-class-2026", "2026-11-06T14:30:00+08:00", true),
        ("labour-law-qa-2026-12", "2026-12-12T14:00:00+08:00", false),
        ("welding-craft-class-2027-01", "2027-01-16T09:30:00+08:00", false),
    ];

    [SkippableFact]
    public async Task Topics_ListsEveryPublishedTopic()
    {
        var html = await GetAsync("/topics");

        Assert.Contains("<h1>专题</h1>", html);
        Assert.All(s_topics, slug => Assert.Contains($"href=\"/topics/{slug}\"", html));
    }

    [SkippableFact]
    public async Task Events_UpcomingSoonestFirstThenPastNewestFirst_RecordingsMarked()
    {
        var html = await GetAsync("/events");

        var past = html.IndexOf("往期活动", StringComparison.Ordinal);
        Assert.True(past > 0, "the page has no past section");
        var now = DateTimeOffset.UtcNow;
        var events = s_events.Select(e => (e.Slug, Starts: DateTimeOffset.Parse(e.StartsAt, CultureInfo.InvariantCulture), e.Recorded,
            At: html.IndexOf($"href=\"/events/{e.Slug}\"", StringComparison.Ordinal))).ToList();
        Assert.All(events, e => Assert.True(e.At > 0, $"{e.Slug} is not listed"));
        Assert.All(events, e => Assert.True(e.Starts > now ? e.At < past : e.At > past, $"{e.Slug} is in the wrong section"));
        var upcoming = events.Where(e => e.Starts > now).ToList();
        var done = events.Where(e => e.Starts <= now).ToList();
        Assert.Equal(upcoming.OrderBy(e => e.Starts).Select(e => e.Slug), upcoming.OrderBy(e => e.At).Select(e => e.Slug));
        Assert.Equal(done.OrderByDescending(e => e.Starts).Select(e => e.Slug), done.OrderBy(e => e.At).Select(e => e.Slug));
        foreach (var e in done)
        {
            var item = html[e.At..html.IndexOf("</li>", e.At, StringComparison.Ordinal)];
            Assert.Equal(e.Recorded, item.Contains("有回放", StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public async Task Robots_KeepsCrawlersToPublicPagesAndNamesTheSitemap()
    {
        using var client = await host.ClientAsync();

        var response = await client.GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("User-agent: *", text);
        Assert.Contains("Disallow: /admin", text);
        Assert.Contains("Disallow: /account", text);
        Assert.Contains("Disallow: /api/", text);
        Assert.DoesNotContain("Disallow: /lessons", text);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text);
    }

    [SkippableFact]
    public async Task Sitemap_NamesTheTopicsAndEventsIndexes()
    {
        var sitemap = await GetAsync("/sitemap.xml");

        Assert.Contains("<loc>http://localhost/topics</loc>", sitemap);
        Assert.Contains("<loc>http://localhost/events</loc>", sitemap);
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/lessons")]
    [InlineData("/lessons/anyuan-great-strike-1922")]
    [InlineData("/topics")]
    [InlineData("/events")]
    [InlineData("/robots.txt")]
    [InlineData("/feed.xml")]
    public async Task Head_AnswersAsGetWouldWithoutABody(string path)
    {
        using var client = await host.ClientAsync();

        var get = await client.GetAsync(path);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task Head_OnAMissingPageOrAPostOnlyAddress_IsNotAnError()
    {
        using var client = await host.ClientAsync();

        var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/lessons/no-such-lesson"));
        var postOnly = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/account/logout"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True((int)postOnly.StatusCode is 404 or 405, $"HEAD on a POST-only address answered {(int)postOnly.StatusCode}");
    }

    private async Task<string> GetAsync(string path)
    {
        using var client = await host.ClientAsync();
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class SqliteSiteIndexTests(SiteHost<Sqlite> host) : SiteIndexTests<Sqlite>(host);

public sealed class PostgresSiteIndexTests(SiteHost<Postgres> host) : SiteIndexTests<Postgres>(host);
