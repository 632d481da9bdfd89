using System.Diagnostics;
using System.Net;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Caching;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Search.Querying;
using CivicsClass.Testing;
using CivicsClass.Editorial.Audit;
using CivicsClass.Editorial.Publishing;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.TopicRequests;

namespace CivicsClass.Web.Tests.Farm;

/// <summary>Two web nodes on one PostgreSQL database, as a farm runs them.</summary>
public sealed class FarmHost : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _database;
    private (SiteFactory A, SiteFactory B)? _nodes;

    public async Task<(SiteFactory A, SiteFactory B)> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_nodes is null)
            {
                _database = await new Postgres().CreateAsync();
                var a = new SiteFactory(_database);
                a.CreateClient().Dispose(); // the first node migrates and seeds; the second finds the site ready
                var b = new SiteFactory(_database);
                b.CreateClient().Dispose();
                await a.Services.GetRequiredService<CacheSignalListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
                await b.Services.GetRequiredService<CacheSignalListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
                _nodes = (a, b);
            }

            return _nodes.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_nodes is { } nodes)
        {
            await nodes.A.DisposeAsync();
            await nodes.B.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class WebFarmTests(FarmHost farm) : IClassFixture<FarmHost>
{
    private const string Lesson = "/lessons/erqi-strike-1923";

    [SkippableFact]
    public async Task LessonPublishedOnA_IsServedFreshByB_WithinASecond()
    {
        var (a, b) = await farm.GetAsync();
        using var visitor = b.CreateClient();
        var before = await visitor.GetStringAsync(Lesson);
        Assert.Equal(before, await visitor.GetStringAsync(Lesson)); // B now serves it from its output cache

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var lesson = (await manager.GetByPathAsync(Lesson[1..], VersionOptions.Latest))!;
            lesson.Apply(new TitlePart { Title = "二七大罢工（节点A修订）" });
            await manager.PublishAsync(await manager.UpdateAsync(lesson));
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        string after;
        do
        {
            after = await visitor.GetStringAsync(Lesson);
        }
        while (!after.Contains("二七大罢工（节点A修订）", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("节点A修订", before);
        Assert.Contains("二七大罢工（节点A修订）", after);
    }

    [SkippableFact]
    public async Task PointsRuleChangedOnA_IsUsedByB_WithinASecond()
    {
        var (a, b) = await farm.GetAsync();
        var onB = b.Services.GetRequiredService<PointsRuleStore>();
        Assert.Equal(6, (await onB.AllAsync())[Activities.StudyText].DailyCap); // B holds the rules now

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var rule = (await session.GetAllAsync<PointsRule>()).Single(r => r.Name == Activities.StudyText);
            rule.DailyCap = 9;
            await a.Services.GetRequiredService<PointsRuleStore>().SaveAsync(session, rule);
            await session.SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        while ((await onB.AllAsync())[Activities.StudyText].DailyCap != 9 && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(20);
        }

        Assert.Equal(9, (await onB.AllAsync())[Activities.StudyText].DailyCap);
    }

    [SkippableFact]
    public async Task SignInCookieAndFormTokenFromA_AreAcceptedByB()
    {
        var (a, b) = await farm.GetAsync();
        await FormClient.CreateUserAsync(a, "13800000101", "xuexi2026", "Worker");
        var cookies = new System.Net.CookieContainer();
        using var onA = new FormClient(a.CreateDefaultClient(new CookieContainerHandler(cookies)));
        using var onB = new FormClient(b.CreateDefaultClient(new CookieContainerHandler(cookies)));

        var signIn = await onA.PostAsync("/account/login", "/account/login", new() { ["phoneOrEmail"] = "13800000101", ["password"] = "xuexi2026" });
        var learning = await onB.Http.GetAsync("/learning");
        var form = await onA.GetStringAsync("/requests");
        var asked = await onB.Http.PostAsync("/requests", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["title"] = "两台服务器之间的点单", ["detail"] = "", ["__RequestVerificationToken"] = FormClient.Token(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, learning.StatusCode);
        Assert.Contains("测试0101", await learning.Content.ReadAsStringAsync());
        Assert.True(asked.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"B refused A's form token: {(int)asked.StatusCode}");
        await using var scope = b.Services.CreateAsyncScope();
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<TopicRequestStore>().ListAsync(null, 50), r => r.Title == "两台服务器之间的点单");

        // The nodes share a key ring because it lives in the database, not in a node's folder.
        static IReadOnlySet<Guid> Keys(SiteFactory node) =>
            node.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ToHashSet();
        Assert.IsType<CivicsClass.Accounts.DataProtection.DatabaseKeyRepository>(a.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Assert.NotEmpty(Keys(a));
        Assert.Equal(Keys(a), Keys(b));
        var (connection, _) = await scope.ServiceProvider.GetRequiredService<ISession>().GetConnectionAsync();
        Assert.Equal(Keys(a).Count, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM data_protection_key"));
    }

    [SkippableFact]
    public async Task PublishedOnA_IsFoundOnB_WithinTwoSeconds_UnpublishedOnB_IsGoneFromA()
    {
        var (a, b) = await farm.GetAsync();
        const string path = "lessons/zhigong-shuwu-wenhua";
        string id;
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var lesson = (await manager.GetByPathAsync(path, VersionOptions.Latest))!;
            id = lesson.ContentItemId;
            lesson.Apply(new TitlePart { Title = "职工书屋 farmprobe" });
            await manager.PublishAsync(await manager.UpdateAsync(lesson));
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }

        Assert.True(await FoundWithinAsync(a, "farmprobe", found: true, TimeSpan.Zero), "A applies its own change before the commit returns");
        Assert.True(await FoundWithinAsync(b, "farmprobe", found: true, TimeSpan.FromSeconds(2)), "B was told through NOTIFY and applied the log");

        await using (var scope = b.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IContentManager>().UnpublishAsync(id);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }

        Assert.True(await FoundWithinAsync(a, "farmprobe", found: false, TimeSpan.FromSeconds(2)), "A removed what B unpublished");
        Assert.Equal(a.Services.GetRequiredService<SearchIndex>().Cursor, b.Services.GetRequiredService<SearchIndex>().Cursor);

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await manager.PublishAsync((await manager.GetByPathAsync(path, VersionOptions.Latest))!);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        }
    }

    private static async Task<bool> FoundWithinAsync(SiteFactory node, string word, bool found, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(new SearchRequest(word));
            if ((result.Total > 0) == found)
            {
                return true;
            }

            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(20);
        }
    }

    [SkippableFact]
    public async Task ScheduledPublish_HappensOnce_WhenBothNodesAreDue()
    {
        var (a, b) = await farm.GetAsync();
        string id;
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var lesson = (await manager.GetByPathAsync("lessons/anyuan-great-strike-1922", VersionOptions.Latest))!;
            lesson.Apply(new TitlePart { Title = "安源路矿工人大罢工（定时修订）" });
            var draft = await manager.UpdateAsync(lesson);
            await PublishSchedule.AddAsync(scope.ServiceProvider.GetRequiredService<ISession>(), draft, DateTime.UtcNow.AddMinutes(1), null);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
            id = draft.ContentItemId;
        }

        var due = DateTime.UtcNow.AddMinutes(2);
        var published = await Task.WhenAll(
            a.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(due),
            b.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(due));

        Assert.Equal(1, published.Sum());
        await using var check = b.Services.CreateAsyncScope();
        var history = await AuditTrail.ListAsync(check.ServiceProvider.GetRequiredService<ISession>(), id);
        Assert.Single(history, e => e.Action == AuditTrail.Published && e.UserName == "定时发布");
    }
}
