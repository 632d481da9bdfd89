using System.Net;
using CivicsClass.Content.Items;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using CivicsClass.Editorial.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Editorial.Tests.Publishing;

public abstract class WorkflowTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Lesson_DraftSubmitReturnResubmitApprove_IsPublishedWithItsHistory()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "flow", "Lecturer", "Editor");
        var (lecturer, editor) = (people["Lecturer"], people["Editor"]);

        var draft = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new",
            AdminPeople.LessonForm("车间里的劳模精神", "chejian-laomo-jingshen", "save"));
        var id = AdminPeople.IdFromRedirect(draft);
        var page = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        var submitted = await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}",
            AdminPeople.WithVersion(page, AdminPeople.LessonForm("车间里的劳模精神", "chejian-laomo-jingshen", "submit")));
        var queue = await editor.GetStringAsync("/admin/review");
        var returned = await editor.PostAsync($"/admin/review/{id}", $"/admin/review/{id}/return", new Dictionary<string, string> { ["comment"] = "请补充一个车间里的真实事例。" });
        var lecturerDashboard = await lecturer.GetStringAsync("/admin");
        var returnedPage = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        var resubmitted = await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}",
            AdminPeople.WithVersion(returnedPage, AdminPeople.LessonForm("车间里的劳模精神", "chejian-laomo-jingshen", "submit", body: "## 事例\n\n张师傅三十年如一日。")));
        var review = await editor.GetStringAsync($"/admin/review/{id}");
        var approved = await editor.PostAsync($"/admin/review/{id}", $"/admin/review/{id}/approve",
            new Dictionary<string, string> { ["versionId"] = AdminPeople.VersionIdOf(review), ["publishAt"] = "", ["comment"] = "" });
        var site = await FormClient.For(factory).GetStringAsync("/lessons/chejian-laomo-jingshen");
        var history = await lecturer.GetStringAsync($"/admin/content/edit/{id}");

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("车间里的劳模精神", queue);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Contains("被退回修改：请补充一个车间里的真实事例。", lecturerDashboard);
        Assert.Contains("请补充一个车间里的真实事例。", returnedPage);
        Assert.Contains("草稿", returnedPage);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Contains("张师傅三十年如一日。", review);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("张师傅三十年如一日。", site);
        foreach (var step in new[] { "创建", "提交审核", "退回修改", "审核通过并发布" })
        {
            Assert.Contains(step, history);
        }

        Assert.Contains("已通过审核并发布", await lecturer.GetStringAsync("/admin"));
    }

    [SkippableFact]
    public async Task Approve_WithTime_PublishesOnlyWhenTheTimeComes()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "later", "Lecturer", "Editor");
        var created = await people["Lecturer"].PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new",
            AdminPeople.LessonForm("定时发布的一课", "dingshi-fabu-yike", "submit"));
        var id = AdminPeople.IdFromRedirect(created);
        var at = SiteTime.ToLocal(DateTime.UtcNow.AddHours(2));
        var reviewed = AdminPeople.VersionIdOf(await people["Editor"].GetStringAsync($"/admin/review/{id}"));

        var past = await people["Editor"].PostAsync($"/admin/review/{id}", $"/admin/review/{id}/approve",
            new Dictionary<string, string> { ["versionId"] = reviewed, ["publishAt"] = SiteTime.ToLocal(DateTime.UtcNow.AddHours(-1)).ToString("yyyy-MM-ddTHH:mm") });
        var approved = await people["Editor"].PostAsync($"/admin/review/{id}", $"/admin/review/{id}/approve",
            new Dictionary<string, string> { ["versionId"] = reviewed, ["publishAt"] = at.ToString("yyyy-MM-ddTHH:mm"), ["comment"] = "节日当天发布" });
        var queue = await people["Editor"].GetStringAsync("/admin/review");
        var publisher = factory.Services.GetRequiredService<ScheduledPublisher>();
        var early = await publisher.PublishDueAsync(DateTime.UtcNow.AddHours(1));
        var before = await PublishedAsync(factory, id);
        var due = await publisher.PublishDueAsync(DateTime.UtcNow.AddHours(3));
        var history = await people["Lecturer"].GetStringAsync($"/admin/content/edit/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("定时发布的时间应在现在之后", await past.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        // In the queue it is scheduled, with its time, and no longer among the items waiting for review.
        Assert.Contains($"已审核，定时发布：{SiteTime.Format(SiteTime.ToUtc(new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0)))}", queue);
        Assert.DoesNotContain($"<a href=\"/admin/review/{id}\">", queue);
        Assert.Equal(0, early);
        Assert.False(before);
        Assert.Equal(1, due);
        Assert.True(await PublishedAsync(factory, id));
        Assert.Contains("审核通过，定时发布", history);
        Assert.Contains("定时发布", history);
        Assert.Contains("已按计划发布", await people["Lecturer"].GetStringAsync("/admin"));
    }

    [SkippableFact]
    public async Task Approve_AfterTheAuthorEditsAgain_Is409WithTheNewChangesAndPublishesNothing()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "bypass", "Lecturer", "Editor");
        var (lecturer, editor) = (people["Lecturer"], people["Editor"]);
        var created = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm("审核后又改的课", "shenhe-hou-yougai", "submit"));
        var id = AdminPeople.IdFromRedirect(created);
        var reviewed = AdminPeople.VersionIdOf(await editor.GetStringAsync($"/admin/review/{id}"));
        var page = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}",
            AdminPeople.WithVersion(page, AdminPeople.LessonForm("审核后又改的课", "shenhe-hou-yougai", "submit", body: "## 新的\n\n没有审核过的一段话。")));

        var stale = await editor.PostAsync($"/admin/review/{id}", $"/admin/review/{id}/approve", new Dictionary<string, string> { ["versionId"] = reviewed, ["publishAt"] = "" });
        var staleHtml = await stale.Content.ReadAsStringAsync();
        var noVersion = await editor.PostAsync($"/admin/review/{id}", $"/admin/review/{id}/approve", new Dictionary<string, string> { ["publishAt"] = "" });
        var publishedAfterStale = await PublishedAsync(factory, id);
        var current = await editor.PostAsync($"/admin/review/{id}", $"/admin/review/{id}/approve",
            new Dictionary<string, string> { ["versionId"] = AdminPeople.VersionIdOf(staleHtml), ["publishAt"] = "" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("又有了改动，没有发布", staleHtml);
        Assert.Contains("没有审核过的一段话。", staleHtml);
        Assert.NotEqual(reviewed, AdminPeople.VersionIdOf(staleHtml));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.False(publishedAfterStale);
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
        Assert.Contains("没有审核过的一段话。", await FormClient.For(factory).GetStringAsync("/lessons/shenhe-hou-yougai"));
    }

    [SkippableFact]
    public async Task Remove_PublishedLessonByItsLecturer_IsForbidden_ButTheirOwnDraftMayBeDiscarded()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "removal", "Lecturer", "Editor");
        var (lecturer, editor) = (people["Lecturer"], people["Editor"]);
        var created = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm("已发布不能删的课", "yifabu-bunengshan", "submit"));
        var id = AdminPeople.IdFromRedirect(created);
        var review = await editor.GetStringAsync($"/admin/review/{id}");
        await editor.PostAsync($"/admin/review/{id}", $"/admin/review/{id}/approve", new Dictionary<string, string> { ["versionId"] = AdminPeople.VersionIdOf(review), ["publishAt"] = "" });
        var page = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}",
            AdminPeople.WithVersion(page, AdminPeople.LessonForm("已发布不能删的课", "yifabu-bunengshan", "save", body: "## 草稿\n\n改了一点。")));
        var draftPage = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        var draft = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm("自己的草稿", "ziji-de-caogao", "save"));
        var draftId = AdminPeople.IdFromRedirect(draft);

        var removePublished = await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}/remove", new Dictionary<string, string>());
        var removeDraft = await lecturer.PostAsync($"/admin/content/edit/{draftId}", $"/admin/content/edit/{draftId}/remove", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, removePublished.StatusCode);
        Assert.DoesNotContain($"/admin/content/edit/{id}/remove", draftPage);
        Assert.True(await PublishedAsync(factory, id));
        Assert.Equal(HttpStatusCode.OK, (await FormClient.For(factory).Http.GetAsync("/lessons/yifabu-bunengshan")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removeDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lecturer.Http.GetAsync($"/admin/content/edit/{draftId}")).StatusCode);
    }

    private static async Task<bool> PublishedAsync(SiteFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published) is not null;
    }
}

public sealed class SqliteWorkflowTests(SiteHost<Sqlite> host) : WorkflowTests<Sqlite>(host);

public sealed class PostgresWorkflowTests(SiteHost<Postgres> host) : WorkflowTests<Postgres>(host);
