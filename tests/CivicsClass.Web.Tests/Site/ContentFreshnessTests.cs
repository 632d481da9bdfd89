using System.Net;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

/// <summary>What the site shows follows publishing at once, cached pages included.</summary>
public abstract class ContentFreshnessTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Path = "/lessons/anyuan-great-strike-1922";

    [SkippableFact]
    public async Task DraftChange_IsNotShownUntilPublished_AndPublishEvictsTheCachedPage()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();
        var before = await client.GetStringAsync(Path);
        var cached = await client.GetStringAsync(Path);

        var draft = await ChangeAsync(factory, item => item.Apply(new TitlePart { Title = "安源大罢工（修订稿）" }), publish: false);
        var whileDrafted = await client.GetStringAsync(Path);
        await ChangeAsync(factory, _ => { }, publish: true, draft);
        var afterPublish = await client.GetStringAsync(Path);
        var catalogue = await client.GetStringAsync("/lessons?q=" + Uri.EscapeDataString("修订稿"));

        Assert.Equal(before, cached);
        Assert.DoesNotContain("修订稿", whileDrafted);
        Assert.Contains("安源大罢工（修订稿）", afterPublish);
        Assert.Contains(Path, catalogue);
    }

    [SkippableFact]
    public async Task SignedInLessonPage_ShowsAPublishedChangeToItsLecturer_AtOnce()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13900000088", "xuexi2026", "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13900000088", "xuexi2026");
        var before = await worker.GetStringAsync(Path);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var lecturer = (await manager.GetByPathAsync("lecturers/chen-zhiyuan", VersionOptions.Latest))!;
            lecturer.Apply(new TitlePart { Title = "陈志远（安源纪念馆研究员）" });
            await manager.PublishAsync(await manager.UpdateAsync(lecturer));
            await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
        }

        var after = await worker.GetStringAsync(Path);

        Assert.Contains("data-study", before); // a signed-in worker's page: never output-cached
        Assert.DoesNotContain("陈志远（安源纪念馆研究员）", before);
        Assert.Contains("陈志远（安源纪念馆研究员）", after);
    }

    [SkippableFact]
    public async Task UnpublishedLesson_Answers404EverywhereAfterBeingCached()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();
        const string path = "/lessons/laodong-zuhe-shujibu-1921";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        var listed = await client.GetStringAsync("/lessons?q=" + Uri.EscapeDataString("书记部"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var lesson = await manager.GetByPathAsync(path[1..]);
            await manager.UnpublishAsync(lesson!.ContentItemId);
            await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
        }

        Assert.Contains(path, listed);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(path + "\"", await client.GetStringAsync("/lessons?q=" + Uri.EscapeDataString("书记部")));
    }

    private static async Task<ContentItem> ChangeAsync(SiteFactory factory, Action<ContentItem> change, bool publish, ContentItem? version = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = version ?? await manager.UpdateAsync(await ChangedLatestAsync(manager, change));
        if (publish)
        {
            await manager.PublishAsync((await manager.GetAsync(item.ContentItemId, VersionOptions.Latest))!);
        }

        await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
        return item;
    }

    private static async Task<ContentItem> ChangedLatestAsync(IContentManager manager, Action<ContentItem> change)
    {
        var latest = (await manager.GetByPathAsync(Path[1..], VersionOptions.Latest))!;
        change(latest);
        return latest;
    }
}

public sealed class SqliteContentFreshnessTests(SiteHost<Sqlite> host) : ContentFreshnessTests<Sqlite>(host);

public sealed class PostgresContentFreshnessTests(SiteHost<Postgres> host) : ContentFreshnessTests<Postgres>(host);
