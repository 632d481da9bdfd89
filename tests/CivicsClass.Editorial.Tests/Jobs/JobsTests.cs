using System.Net;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Editorial.Tests.Jobs;

/// <summary>The jobs page: an item that cannot be indexed is kept with its error and retried, a lesson form that failed is listed, and the page reads in the visitor's language.</summary>
public abstract class JobsTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task IndexJobThatFails_IsKeptWithItsError_OthersGoThrough_AdministratorRetriesIt()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "jobs", "Administrator", "Editor");
        var indexer = factory.Services.GetRequiredService<SearchIndexer>();
        await indexer.DrainAsync(TimeSpan.FromSeconds(60));
        string broken, good;
        long document;
        string json;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var (connection, transaction) = await session.BeginWriteAsync();
            var rows = (await connection.QueryAsync<(string Id, long Document)>(
                "SELECT content_item_id, document_id FROM content_item_index WHERE content_type = 'Lesson' AND published = TRUE ORDER BY content_item_id LIMIT 2",
                transaction: transaction)).ToList();
            (broken, document, good) = (rows[0].Id, rows[0].Document, rows[1].Id);
            json = await connection.ExecuteScalarAsync<string>("SELECT content FROM document WHERE id = @document", new { document }, transaction) ?? "";
            await connection.ExecuteAsync("UPDATE document SET content = 'not json' WHERE id = @document", new { document }, transaction);
            await IndexLog.AppendAsync(session, [broken, good], IndexLog.Upsert, DateTime.UtcNow);
            await session.SaveChangesAsync();
        }

        await indexer.CatchUpAsync(); // or the node's follower, woken by the append, applied them first
        var rebuilt = await indexer.RebuildAsync(); // a rebuild meets the broken item too: it records it and finishes
        IReadOnlyList<IndexLog.FailedEntry> failures;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            failures = await IndexLog.FailuresAsync(scope.ServiceProvider.GetRequiredService<ISession>(), 10);
        }

        var page = await people["Administrator"].GetStringAsync("/admin/jobs");
        var editor = await people["Editor"].Http.GetAsync("/admin/jobs");

        var failure = Assert.Single(failures);
        Assert.Equal(broken, failure.ContentItemId);
        Assert.True(failure.Attempts >= 2, "recorded by the log's batch and by the rebuild");
        Assert.True(rebuilt > 0);
        Assert.Contains("Json", failure.LastError);
        Assert.Equal(0, await indexer.LagAsync()); // the log moved past both: the good one is indexed, the broken one recorded
        Assert.Contains($"id=\"job-{failure.Id}\"", page);
        Assert.Contains("立即重试", page);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var (connection, transaction) = await session.BeginWriteAsync();
            await connection.ExecuteAsync("UPDATE document SET content = @json WHERE id = @document", new { json, document }, transaction);
            await session.SaveChangesAsync();
        }

        var retried = await people["Administrator"].PostAsync("/admin/jobs", $"/admin/jobs/search/{failure.Id}/retry", new Dictionary<string, string>());
        var missing = await people["Administrator"].PostAsync("/admin/jobs", "/admin/jobs/search/999999999/retry", new Dictionary<string, string>());
        await indexer.DrainAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await using var check = factory.Services.CreateAsyncScope();
        var checkSession = check.ServiceProvider.GetRequiredService<ISession>();
        Assert.Empty(await IndexLog.FailuresAsync(checkSession, 10));
        Assert.Equal(0, await indexer.LagAsync());
        Assert.Contains("没有失败的索引任务", await people["Administrator"].GetStringAsync("/admin/jobs"));
    }

    [SkippableFact]
    public async Task FormJobThatFailed_IsListedWithItsLessonKindAndError_AndCountedByState()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "formjobs", "Administrator");
        string lesson, title;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var (connection, transaction) = await session.BeginWriteAsync();
            (lesson, title) = await connection.QueryFirstAsync<(string, string)>(
                "SELECT content_item_id, display_text FROM content_item_index WHERE content_type = 'Lesson' AND published = TRUE ORDER BY content_item_id DESC LIMIT 1",
                transaction: transaction);
            await connection.ExecuteAsync("""
                INSERT INTO lesson_form (content_item_id, kind, source_hash, state, attempts, not_before_utc, error, created_utc)
                VALUES (@lesson, 'narration', 'jobs-test-failed', 'failed', 3, @now, 'espeak-ng exited with 1: no voice cmn', @now),
                       (@lesson, 'narration', 'jobs-test-old', 'superseded', 1, @now, NULL, @now)
                """, new { lesson, now = DateTime.UtcNow }, transaction);
            await session.SaveChangesAsync();
        }

        var page = await people["Administrator"].GetStringAsync("/admin/jobs");

        var row = page[page.IndexOf("id=\"form-job-", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title), row);
        Assert.Contains($"/admin/content/edit/{lesson}", row);
        Assert.Contains("语音朗读", row);
        Assert.Contains("失败", row);
        Assert.Contains("3 次", row);
        Assert.Contains("no voice cmn", row);
        var counts = page[page.IndexOf("id=\"form-counts\"", StringComparison.Ordinal)..];
        counts = counts[..counts.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Matches(@"<td>语音朗读</td><td>失败</td><td>\d+</td>", counts);
        Assert.DoesNotContain("superseded", counts);
    }

    [SkippableFact]
    public async Task JobsPage_ReadsItsTextsInTheVisitorsLanguage()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "jobs-texts", "Administrator"))["Administrator"];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/jobs");
        request.Headers.AcceptLanguage.ParseAdd("en");

        var chinese = await admin.GetStringAsync("/admin/jobs");
        var english = await (await admin.Http.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<h1>后台任务</h1>", chinese);
        Assert.Contains("<h2>过期数据清理</h2>", chinese);
        Assert.Contains("立即运行", chinese);
        Assert.Contains("<h1>Background jobs</h1>", english);
        Assert.Contains("<h2>Removing expired data</h2>", english);
        Assert.Contains("Run now", english);
        Assert.DoesNotContain("立即运行", english);
    }
}

public sealed class SqliteJobsTests(SiteHost<Sqlite> host) : JobsTests<Sqlite>(host);

public sealed class PostgresJobsTests(SiteHost<Postgres> host) : JobsTests<Postgres>(host);
