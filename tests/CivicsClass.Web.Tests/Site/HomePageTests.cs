using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Study;
using CivicsClass.Testing;
using Dapper;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

/// <summary>
/// The front page as the start of the day: for everyone featured topics, the newest and the most studied lessons,
/// lecturers, venues and upcoming talks; for a signed-in worker also their day (streak, points, today's tasks with
/// the points left), the lessons to continue and the venues of their region first — never from, nor into, the
/// anonymous page's cache.
/// </summary>
public abstract partial class HomePageTests<TProvider>(ClockedSiteHost<TProvider> host) : IClassFixture<ClockedSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "xuexi2026";

    [SkippableFact]
    public async Task Anonymous_GetsTheSectionsForEveryone_MostStudiedFirst_AndNoPersonalSection()
    {
        var factory = await host.GetAsync();
        await StudiedAsync(factory, 8, "gonghui-yizhan");
        await StudiedAsync(factory, 5, "jiti-xieshang-gongzi");
        await factory.Services.GetRequiredService<LearningRollup>().RollUpAsync(force: true);
        await factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CivicsClass.Web.Site.SiteModule.CacheTag, default);
        using var anonymous = FormClient.For(factory);

        var html = await anonymous.GetStringAsync("/");

        Assert.Contains("/topics/", Section(html, "featured"));
        Assert.Contains("class=\"strip strip-cards\"", Section(html, "newest"));
        var ranked = Regex.Matches(Section(html, "most-studied"), "<li>\\s*<a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["/lessons/gonghui-yizhan", "/lessons/jiti-xieshang-gongzi"], ranked.Take(2));
        Assert.Contains("/lecturers/", Section(html, "lecturers"));
        Assert.Contains("红色工运场馆", Section(html, "venues"));
        Assert.Equal(4, Regex.Matches(Section(html, "venues"), "class=\"mini-card\"").Count);
        Assert.Contains("/events/", Section(html, "events"));
        Assert.DoesNotContain("aria-labelledby=\"my-day\"", html);
        Assert.DoesNotContain("aria-labelledby=\"continue\"", html);
    }

    [SkippableFact]
    public async Task SignedInWorker_SeesTheirDayTasksLessonsToContinueAndTheirRegionsVenues_NeverCachedForOthers()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13630000001", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13630000001", Password);
        using var anonymous = FormClient.For(factory);
        var profile = await worker.GetStringAsync("/account/profile");
        var jiangxi = Regex.Match(profile, "<option value=\"([^\"]+)\">[^<]*?江西省<").Groups[1].Value;
        await worker.PostAsync("/account/profile", "/account/profile", new() { ["displayName"] = "林师傅", ["region"] = jiangxi });
        var lessonPage = await worker.GetStringAsync("/lessons/erqi-strike-1923");
        await StudyPanel.OpenAsync(worker, lessonPage); // begun, not finished

        var cachedBefore = await anonymous.Http.GetAsync("/");
        var cachedAgain = await anonymous.Http.GetAsync("/");
        var mine = await worker.GetStringAsync("/");
        var anonymousAfter = await (await anonymous.Http.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.True(cachedAgain.Headers.Age is not null, "the anonymous home page is served from the output cache");
        Assert.Contains("林师傅，今天学一课", mine);
        var day = Section(mine, "my-day");
        Assert.Contains("连续学习", day);
        Assert.Contains("今日积分", day);
        Assert.Contains("还可得", day);
        Assert.Contains("href=\"/learning/daily-quiz\"", day);
        Assert.Contains("/lessons/erqi-strike-1923", Section(mine, "continue"));
        var venues = Section(mine, "venues");
        Assert.Contains("身边的场馆：江西省", venues);
        var firstVenue = Regex.Match(venues, "class=\"mini-card\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal("/venues/anyuan-memorial", firstVenue); // the region's venue comes first
        Assert.Null(await ResponseAge(worker, "/"));
        foreach (var anonymousPage in new[] { await cachedBefore.Content.ReadAsStringAsync(), anonymousAfter })
        {
            Assert.DoesNotContain("林师傅", anonymousPage);
            Assert.DoesNotContain("aria-labelledby=\"my-day\"", anonymousPage);
            Assert.DoesNotContain("aria-labelledby=\"continue\"", anonymousPage);
            Assert.DoesNotContain("身边的场馆", anonymousPage);
        }
    }

    private static async Task<TimeSpan?> ResponseAge(FormClient client, string path) => (await client.Http.GetAsync(path)).Headers.Age;

    /// <summary>Records that <paramref name="learners"/> made-up learners finished a lesson, as the study loop would.</summary>
    private async Task StudiedAsync(SiteFactory factory, int learners, string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>();
        var lesson = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync($"lessons/{slug}"))!.ContentItemId;
        var (connection, transaction) = await session.BeginWriteAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        for (var user = 990000L; user < 990000 + learners; user++)
        {
            await connection.ExecuteAsync("""
                INSERT INTO lesson_progress (user_id, content_item_id, started_utc, studied_utc, studied_day) VALUES (@user, @lesson, @now, @now, @day)
                """, new { user, lesson, now, day = StudyCalendar.Day(now) }, transaction);
        }

        await session.SaveChangesAsync();
    }

    /// <summary>The markup of the section labelled by <paramref name="id"/>.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"aria-labelledby=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}

public sealed class SqliteHomePageTests(ClockedSiteHost<Sqlite> host) : HomePageTests<Sqlite>(host);

public sealed class PostgresHomePageTests(ClockedSiteHost<Postgres> host) : HomePageTests<Postgres>(host);
