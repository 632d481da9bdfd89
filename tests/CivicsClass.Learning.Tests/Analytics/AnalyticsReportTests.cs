using System.Net;
using CivicsClass.Learning.TopicRequests;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Learning.Tests.Analytics;

/// <summary>The learning report in the admin area: what workers study, search for in vain and ask for.</summary>
public abstract class AnalyticsReportTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Analytics_EditorsSeeStudiesSearchMissesAndRequests_AndPlanARequest()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "report", "Editor", "Worker");
        await people["Worker"].GetStringAsync("/search?q=" + Uri.EscapeDataString("鲸鱼飞船"));
        await people["Worker"].PostAsync("/requests", "/requests", new() { ["title"] = "工会经费怎么用", ["detail"] = "" });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var requests = await scope.ServiceProvider.GetRequiredService<TopicRequestStore>().ListAsync(null, 10);
            Assert.Contains(requests, r => r.Title == "工会经费怎么用");
        }

        var report = await people["Editor"].GetStringAsync("/admin/analytics?days=30");
        var id = System.Text.RegularExpressions.Regex.Match(report, "/admin/analytics/requests/(\\d+)").Groups[1].Value;
        var planned = await people["Editor"].PostAsync("/admin/analytics", $"/admin/analytics/requests/{id}", new() { ["status"] = "planned" });
        var workerView = await people["Worker"].GetStringAsync("/requests");
        var refused = await people["Worker"].Http.GetAsync("/admin/analytics");

        Assert.Contains("鲸鱼飞船", report);
        Assert.Contains("工会经费怎么用", report);
        Assert.Contains("按工会组织", report);
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Contains("已安排", workerView);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class SqliteAnalyticsReportTests(SiteHost<Sqlite> host) : AnalyticsReportTests<Sqlite>(host);

public sealed class PostgresAnalyticsReportTests(SiteHost<Postgres> host) : AnalyticsReportTests<Postgres>(host);
