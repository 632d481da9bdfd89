using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Search.Tests.Querying;

public abstract class SearchTests<TProvider>(SearchSite<TProvider> site) : IClassFixture<SearchSite<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task TwoCharacterWord_FindsItInsideLongerWords_TitlesFirst()
    {
        var result = await site.SearchAsync("劳模");

        Assert.True(result.Total >= 10, $"{result.Total} results");
        Assert.Contains(result.Hits.Take(3), h => h.Title.Contains("劳模"));
        Assert.Contains(result.Hits, h => h.Url == "/lessons/laomo-jingshen-neihan");
    }

    [SkippableFact]
    public async Task Phrase_TopResultHasIt()
    {
        var result = await site.SearchAsync("\"产业工人队伍建设改革\"");

        Assert.Equal("/lessons/chanye-gongren-duiwu-jianshe-gaige", result.Hits[0].Url);
        Assert.All(result.Hits, h => Assert.Contains("<mark>产业工人队伍建设改革</mark>", h.Snippet + h.TitleHtml));
    }

    [SkippableFact]
    public async Task PinyinAndInitials_FindChineseTitles()
    {
        var full = await site.SearchAsync("laomo");
        var initials = await site.SearchAsync("gjjs");

        Assert.Contains(full.Hits, h => h.Title.Contains("劳模"));
        Assert.Contains(initials.Hits, h => h.Title.Contains("工匠精神"));
    }

    [SkippableFact]
    public async Task TraditionalQuery_FindsSimplifiedText()
    {
        var simplified = await site.SearchAsync("劳模");
        var traditional = await site.SearchAsync("勞模");

        Assert.Equal(simplified.Total, traditional.Total);
    }

    [SkippableFact]
    public async Task Exclude_RemovesMatches()
    {
        var all = await site.SearchAsync("安源");
        var without = await site.SearchAsync("安源 -罢工");

        Assert.True(without.Total < all.Total);
        Assert.DoesNotContain(without.Hits, h => h.Title.Contains("罢工"));
    }

    [SkippableFact]
    public async Task Or_FindsEither()
    {
        var left = await site.SearchAsync("欠薪");
        var right = await site.SearchAsync("驿站");
        var either = await site.SearchAsync("欠薪 OR 驿站");

        Assert.True(either.Total >= Math.Max(left.Total, right.Total));
        Assert.True(either.Total <= left.Total + right.Total);
    }

    [SkippableFact]
    public async Task FieldFilters_Narrow()
    {
        var lessons = await site.SearchAsync("工匠", type: "lesson");
        var byTheme = await site.SearchAsync("精神 theme:劳模精神");
        var byLecturer = await site.SearchAsync("lecturer:王海涛");
        var unknownTheme = await site.SearchAsync("精神 theme:不存在");

        Assert.All(lessons.Hits, h => Assert.Equal("Lesson", h.Type));
        Assert.InRange(byTheme.Total, 1, lessons.Total + 10);
        Assert.Contains(byLecturer.Hits, h => h.Url == "/lessons/hangong-haomi-zhizheng");
        Assert.Equal(0, unknownTheme.Total);
    }

    [SkippableFact]
    public async Task Facets_AddUpToTheTotal()
    {
        var result = await site.SearchAsync("工会");

        Assert.Equal(result.Total, result.Facets["type"].Values.Sum());
        Assert.True(result.Facets["theme"].Count > 1);
        Assert.All(result.Facets["theme"].Values, count => Assert.InRange(count, 1, result.Total));
    }

    [SkippableFact]
    public async Task Facets_CountWhatChoosingThemFinds()
    {
        var result = await site.SearchAsync("工会");

        Assert.NotEmpty(result.Facets["theme"]);
        foreach (var (type, count) in result.Facets["type"])
        {
            Assert.Equal(count, (await site.SearchAsync("工会", type: type)).Total);
        }

        foreach (var (theme, count) in result.Facets["theme"])
        {
            Assert.Equal(count, (await site.SearchAsync("工会", theme: theme)).Total);
        }
    }

    [SkippableFact]
    public async Task AllWordsFindingNothing_FallsBackToAnyWord()
    {
        var result = await site.SearchAsync("安源 量子计算");

        Assert.True(result.AnyMatch);
        Assert.True(result.Total > 0);
    }

    [SkippableFact]
    public async Task NothingFound_IsRecordedForEditors()
    {
        await site.SearchAsync("量子纠缠");
        await site.SearchAsync("量子纠缠");

        await using var scope = (await site.GetAsync()).CreateScope();
        var misses = await scope.ServiceProvider.GetRequiredService<SearchService>().MissesAsync();
        Assert.Contains(misses, m => m.Query == "量子纠缠" && m.Times == 2);
    }

    [SkippableTheory]
    [InlineData("\"unbalanced")]
    [InlineData("-")]
    [InlineData("OR")]
    [InlineData("\u0001\u0002")]
    [InlineData("'; DROP TABLE search_document; --")]
    [InlineData("\"\" * NEAR( ^ {title}:")]
    public async Task BrokenQueries_GiveASensibleResult(string query)
    {
        var result = await site.SearchAsync(query);

        Assert.True(result.Total >= 0);
        Assert.True((await site.SearchAsync("劳模")).Total > 0);
    }

    [SkippableFact]
    public async Task LongQuery_IsCutNotRefused()
    {
        var result = await site.SearchAsync(string.Concat(Enumerable.Repeat("劳模 工匠 ", 400)));

        Assert.True(result.Total > 0);
    }

    [SkippableFact]
    public async Task Suggest_FromChineseAndPinyinPrefixes()
    {
        await using var scope = (await site.GetAsync()).CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();

        var chinese = await search.SuggestAsync("工匠");
        var pinyin = await search.SuggestAsync("gongj");

        Assert.Contains(chinese, s => s.Title.Contains("工匠"));
        Assert.Contains(pinyin, s => s.Title.Contains("工匠"));
    }

    [SkippableFact]
    public async Task Snippets_MarkOriginalTextAndEscapeTheRest()
    {
        var result = await site.SearchAsync("驿站");

        Assert.All(result.Hits, h => Assert.Contains("<mark>", h.Snippet + h.TitleHtml));
        Assert.All(result.Hits, h => Assert.DoesNotContain("<script", h.Snippet));
    }

    [SkippableFact]
    public async Task Unpublish_IsGoneWhenTheCommitReturns_AndEachChangeIsInTheLogInOrder()
    {
        var test = await site.GetAsync();
        const string path = "lessons/zhigong-shuwu-wenhua";
        Assert.Contains((await site.SearchAsync("职工书屋")).Hits, h => h.Url == "/" + path);
        string id;

        await using (var scope = test.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            id = (await manager.GetByPathAsync(path))!.ContentItemId;
            await manager.UnpublishAsync(id);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }

        // Nothing else ran: the node that made the change applied it before the commit returned.
        Assert.DoesNotContain((await site.SearchAsync("职工书屋")).Hits, h => h.Url == "/" + path);

        await using (var scope = test.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await manager.PublishAsync((await manager.GetByPathAsync(path, VersionOptions.Latest))!);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }

        Assert.Contains((await site.SearchAsync("职工书屋")).Hits, h => h.Url == "/" + path);
        await using (var session = test.Services.GetRequiredService<IDocumentStore>().CreateSession())
        {
            var tasks = (await IndexLog.ReadAsync(session, 0, 100_000)).Where(t => t.ContentItemId == id).ToList();
            Assert.Equal([IndexLog.Upsert, IndexLog.Delete, IndexLog.Upsert], tasks.Select(t => t.Operation));
            Assert.True(tasks.Zip(tasks.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
        }
    }
}

public sealed class SqliteSearchTests(SearchSite<Sqlite> site) : SearchTests<Sqlite>(site);

public sealed class PostgresSearchTests(SearchSite<Postgres> site) : SearchTests<Postgres>(site);
