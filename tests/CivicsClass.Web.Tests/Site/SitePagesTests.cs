using System.Net;
using System.Xml.Linq;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

public abstract class SitePagesTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Home_ShowsFeaturedTopicsNewestLessonsLecturersAndVenues()
    {
        var html = await GetAsync("/");

        Assert.Contains("精选专题", html);
        Assert.Contains("/topics/jinian-quanzong-100-zhounian", html);
        Assert.Contains("最新课程", html);
        Assert.Contains("/lecturers/wang-haitao", html);
        Assert.Contains("/venues/", html);
        Assert.Contains("action=\"/search\"", html);
        Assert.Contains("<html lang=\"zh-CN\">", html);
    }

    [SkippableFact]
    public async Task Catalogue_Unfiltered_ListsEveryLessonOverPages()
    {
        var first = await GetAsync("/lessons");
        var third = await GetAsync("/lessons?page=3");

        Assert.Contains("共 30 节课", first);
        Assert.Contains("第 1 / 3 页", first);
        Assert.Contains("rel=\"next\" href=\"/lessons?page=2\"", first);
        Assert.Contains("第 3 / 3 页", third);
    }

    [SkippableFact]
    public async Task Catalogue_ThemeAndFormatFilters_NarrowTheList()
    {
        var theme = await GetAsync("/lessons?theme=" + Uri.EscapeDataString("工运历史"));
        var text = await GetAsync("/lessons?format=" + Uri.EscapeDataString("图文"));
        var video = await GetAsync("/lessons?format=" + Uri.EscapeDataString("视频"));
        var both = await GetAsync("/lessons?theme=" + Uri.EscapeDataString("工运历史") + "&format=" + Uri.EscapeDataString("图文"));

        Assert.Contains("/lessons/anyuan-great-strike-1922", theme);
        Assert.DoesNotContain("/lessons/laodong-hetong-jichu\"", theme);
        // The seeded lessons have no video, audio or long image, so each is 图文 whatever its file once claimed.
        Assert.Equal(30, Count(text));
        Assert.DoesNotContain("/lessons/erqi-strike-1923\"", video);
        Assert.Contains("/lessons/erqi-strike-1923", both);
        Assert.Equal(Count(theme), Count(both));
        Assert.True(Count(both) < Count(text));
    }

    [SkippableFact]
    public async Task Catalogue_RegionIndustryAudienceLengthAndTitleSearch_Filter()
    {
        var region = await GetAsync("/lessons?region=" + Uri.EscapeDataString("江西省"));
        var shortOnes = await GetAsync("/lessons?length=short");
        var search = await GetAsync("/lessons?q=" + Uri.EscapeDataString("安源"));
        var unknown = await GetAsync("/lessons?theme=" + Uri.EscapeDataString("不存在的主题"));
        var junk = await GetAsync("/lessons?notice=" + Uri.EscapeDataString("本站已迁移"));

        Assert.Contains("/lessons/anyuan-great-strike-1922", region);
        Assert.InRange(Count(shortOnes), 0, 29);
        Assert.Contains("/lessons/anyuan-great-strike-1922", search);
        Assert.Equal(1, Count(search));
        Assert.Contains("共 0 节课", unknown);
        Assert.DoesNotContain("本站已迁移", junk);
    }

    [SkippableFact]
    public async Task Catalogue_HostileQuery_IsHandledNot500()
    {
        using var client = await host.ClientAsync();

        var response = await client.GetAsync("/lessons?q=" + Uri.EscapeDataString(new string('%', 3000) + "'\"<script>") + "&page=-5&sort=drop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Lesson_ShowsBodyLecturerThemesVenueCourseNavigationAndQuizWithoutAnswers()
    {
        var html = await GetAsync("/lessons/anyuan-great-strike-1922");

        Assert.Contains("<h1>", html);
        Assert.Contains("/lecturers/chen-zhiyuan", html);
        Assert.Contains("/venues/anyuan-memorial", html);
        Assert.Contains("/courses/gongyun-bainian", html);
        Assert.Contains("rel=\"prev\"", html);
        Assert.Contains("rel=\"next\"", html);
        Assert.Contains("/lessons?theme=", html);
        Assert.Contains("课后小测", html);
        Assert.Contains("name=\"q1\"", html);
        Assert.DoesNotContain("回答正确", html);
        Assert.DoesNotContain("quiz-explanation", html);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", html);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/lessons/anyuan-great-strike-1922\">", html);
    }

    [SkippableFact]
    public async Task Quiz_SubmittedAnonymously_IsGradedOnTheServer_ShowingOnlyTheScore()
    {
        using var client = await host.ClientAsync();
        var all = new FormUrlEncodedContent(Enumerable.Range(1, 5).Select(n => KeyValuePair.Create($"q{n}", "0")));

        var response = await client.PostAsync("/lessons/anyuan-great-strike-1922/quiz", all);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("答对 \\d / \\d 题", html);
        Assert.Contains("登录后答题可以得积分", html);
        Assert.DoesNotContain("quiz-explanation", html);
        Assert.DoesNotContain("quiz-results", html);
        Assert.DoesNotContain("正确答案是", html);
        Assert.Contains("href=\"/lessons/anyuan-great-strike-1922#quiz-title\"", html);
        Assert.Contains("name=\"returnUrl\" value=\"/lessons/anyuan-great-strike-1922\"", html);
    }

    [SkippableFact]
    public async Task Quiz_GarbageAnswers_CountAsUnanswered()
    {
        using var client = await host.ClientAsync();
        var garbage = new FormUrlEncodedContent([KeyValuePair.Create("q1", "-1"), KeyValuePair.Create("q2", "99"), KeyValuePair.Create("q3", "x")]);

        var response = await client.PostAsync("/lessons/anyuan-great-strike-1922/quiz", garbage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("答对 0 / \\d 题", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task CourseLecturerVenueTopicAndEvent_PagesShowTheirItems()
    {
        var course = await GetAsync("/courses/gongyun-bainian");
        var lecturer = await GetAsync("/lecturers/chen-zhiyuan");
        var venue = await GetAsync("/venues/anyuan-memorial");
        var topic = await GetAsync("/topics/changguan-li-de-sizhengke");
        var pastEvent = await GetAsync("/events/anyuan-strike-site-class-2026");

        Assert.True(course.IndexOf("/lessons/laodong-zuhe-shujibu-1921", StringComparison.Ordinal) < course.IndexOf("/lessons/anyuan-great-strike-1922", StringComparison.Ordinal));
        Assert.Contains("/lessons/anyuan-great-strike-1922", lecturer);
        Assert.Contains("示例", lecturer);
        Assert.Contains("场馆里的思政课", venue);
        Assert.Contains("/lessons/anyuan-great-strike-1922", venue);
        Assert.Contains("data-markers=", venue);
        Assert.Contains("tile.openstreetmap.org", venue);
        Assert.Contains("/venues/", topic);
        Assert.Contains("活动录像", pastEvent);
        Assert.Contains("/lessons/anyuan-great-strike-1922", pastEvent);
    }

    [SkippableFact]
    public async Task LecturersAndVenuesIndexes_FilterByCategoryAndRegion()
    {
        var craftsmen = await GetAsync("/lecturers?category=" + Uri.EscapeDataString("大国工匠"));
        var guangdong = await GetAsync("/venues?region=" + Uri.EscapeDataString("广东省"));

        Assert.Contains("/lecturers/wang-haitao", craftsmen);
        Assert.DoesNotContain("/lecturers/chen-zhiyuan\"", craftsmen);
        Assert.Contains("/venues/acftu-site-guangzhou", guangdong);
        Assert.DoesNotContain("/venues/anyuan-memorial\"", guangdong);
        Assert.Contains("data-markers=", guangdong);
    }

    [SkippableTheory]
    [InlineData("/lessons/no-such-lesson")]
    [InlineData("/lecturers/nobody")]
    [InlineData("/no/such/page")]
    public async Task UnknownAddress_Gets404PageFromTheTheme(string path)
    {
        using var client = await host.ClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面没有找到", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task SitemapAndFeed_ListPublishedItems()
    {
        var sitemap = XDocument.Parse(await GetAsync("/sitemap.xml"));
        var feed = XDocument.Parse(await GetAsync("/feed.xml"));

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(sitemap.Descendants(sm + "loc"), l => l.Value.EndsWith("/lessons/anyuan-great-strike-1922", StringComparison.Ordinal));
        Assert.Equal(6 + 67, sitemap.Descendants(sm + "url").Count()); // six indexes and every published item, the contest included
        Assert.Equal(30, feed.Descendants(atom + "entry").Count());
    }

    [SkippableFact]
    public async Task English_ChosenByAcceptLanguage()
    {
        using var client = await host.ClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var html = await (await client.GetAsync("/lessons")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("30 lessons", html);
    }

    [SkippableFact]
    public async Task English_TypeAndFormatBadges_AreEnglish_ChineseStaysAsTheSiteNamesThem()
    {
        using var english = await host.ClientAsync();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var chinese = await host.ClientAsync();

        var lessons = await (await english.GetAsync("/lessons")).Content.ReadAsStringAsync();
        var home = await (await english.GetAsync("/")).Content.ReadAsStringAsync();
        var chineseHome = await (await chinese.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<span>图文</span>", lessons);
        Assert.DoesNotContain("<span>视频</span>", lessons);
        Assert.Contains("<span>Illustrated text</span>", lessons);
        Assert.DoesNotContain("<span class=\"badge\">专题</span>", home);
        Assert.Contains("<span class=\"badge\">Topic</span>", home);
        Assert.Contains("<span class=\"badge\">专题</span>", chineseHome);
    }

    [SkippableFact]
    public async Task CultureSwitch_SetsCookieAndReturnsToThePage()
    {
        using var client = await host.ClientAsync();

        var response = await client.PostAsync("/culture", new FormUrlEncodedContent([KeyValuePair.Create("culture", "en"), KeyValuePair.Create("returnUrl", "/lessons")]));
        var offsite = await client.PostAsync("/culture", new FormUrlEncodedContent([KeyValuePair.Create("culture", "en"), KeyValuePair.Create("returnUrl", "https://evil.example/")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lessons", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Den"));
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task StaticAssets_AreFingerprintedAndCachedLong()
    {
        using var client = await host.ClientAsync();
        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/_content/CivicsClass.Theme/css/site[^\"]+)\"").Groups[1].Value;

        var response = await client.GetAsync(href);

        Assert.NotEqual("/_content/CivicsClass.Theme/css/site.css", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
    }

    [SkippableFact]
    public async Task Pages_AreCompressedWhenAsked()
    {
        using var client = await host.ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lessons");
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await client.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    private async Task<string> GetAsync(string path)
    {
        using var client = await host.ClientAsync();
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static int Count(string catalogue) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(catalogue, "共 (\\d+) 节课").Groups[1].Value);
}

public sealed class SqliteSitePagesTests(SiteHost<Sqlite> host) : SitePagesTests<Sqlite>(host);

public sealed class PostgresSitePagesTests(SiteHost<Postgres> host) : SitePagesTests<Postgres>(host);
