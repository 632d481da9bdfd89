using System.Net;
using System.Text.RegularExpressions;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Editorial.Tests.History;

/// <summary>Any earlier version can be restored as a new draft by those who may edit the item; history is never rewritten.</summary>
public abstract partial class RestoreTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Restore_FirstVersion_BecomesANewDraft_PublishedPageUnchanged()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "restore", "Lecturer", "Editor");
        var (lecturer, editor) = (people["Lecturer"], people["Editor"]);
        var id = await CreateWithTwoVersionsAsync(lecturer, "恢复旧版的课", "huifu-jiuban");
        var published = await editor.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}",
            AdminPeople.WithVersion(await editor.GetStringAsync($"/admin/content/edit/{id}"), AdminPeople.LessonForm("恢复旧版的课", "huifu-jiuban", "publish", body: "第二版的正文。")));
        var page = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        var first = RestoreVersionIds(page).Last(); // newest first: the last is version 1

        var restored = await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}/restore", new Dictionary<string, string> { ["versionId"] = first });
        var after = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        var site = await FormClient.For(factory).GetStringAsync("/lessons/huifu-jiuban");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("劳模精神的内涵。", after); // version 1's body is the draft now
        Assert.Contains("第 4 版", after); // 1 and 2 by the lecturer, 3 published by the editor, 4 restored
        Assert.Contains("第 1 版", after); // nothing is rewritten: every version is still listed
        Assert.Contains("恢复旧版本为草稿", after);
        Assert.Contains("恢复自第 1 版", after);
        Assert.Contains("第二版的正文。", site); // what is published stays until the draft is published
        Assert.DoesNotContain("劳模精神的内涵。", site);
    }

    [SkippableFact]
    public async Task Restore_ByAnotherLecturer_IsForbidden_AndAnUnknownVersionIsNotFound()
    {
        var factory = await host.GetAsync();
        var owner = (await AdminPeople.SignInAsync(factory, "restore-owner", "Lecturer"))["Lecturer"];
        var other = (await AdminPeople.SignInAsync(factory, "restore-other", "Lecturer"))["Lecturer"];
        var id = await CreateWithTwoVersionsAsync(owner, "别人不能恢复的课", "bieren-buneng-huifu");
        var first = RestoreVersionIds(await owner.GetStringAsync($"/admin/content/edit/{id}")).Last();
        var ownPage = await other.GetStringAsync("/admin");

        var forbidden = await other.PostAsync("/admin", $"/admin/content/edit/{id}/restore", new Dictionary<string, string> { ["versionId"] = first });
        var unknown = await owner.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}/restore", new Dictionary<string, string> { ["versionId"] = "no-such-version" });
        var after = await owner.GetStringAsync($"/admin/content/edit/{id}");

        Assert.Contains("<html", ownPage);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("第二版的正文。", after);
        Assert.DoesNotContain("第 3 版", after);
    }

    [SkippableFact]
    public async Task Restore_TheCurrentVersion_SaysSoAndAddsNothing()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "restore-current", "Lecturer"))["Lecturer"];
        var id = await CreateWithTwoVersionsAsync(lecturer, "恢复当前版本", "huifu-dangqian");
        var current = RestoreVersionIds(await lecturer.GetStringAsync($"/admin/content/edit/{id}")).Count == 1
            ? AdminPeople.VersionIdOf(await lecturer.GetStringAsync($"/admin/content/edit/{id}"))
            : throw new InvalidOperationException("expected one restorable version");

        var response = await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}/restore", new Dictionary<string, string> { ["versionId"] = current });
        var after = await lecturer.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("这已是当前版本", after);
        Assert.DoesNotContain("第 3 版", after);
    }

    private static async Task<string> CreateWithTwoVersionsAsync(FormClient lecturer, string title, string slug)
    {
        var created = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm(title, slug, "save"));
        var id = AdminPeople.IdFromRedirect(created);
        var page = await lecturer.GetStringAsync($"/admin/content/edit/{id}");
        var saved = await lecturer.PostAsync($"/admin/content/edit/{id}", $"/admin/content/edit/{id}",
            AdminPeople.WithVersion(page, AdminPeople.LessonForm(title, slug, "save", body: "第二版的正文。")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return id;
    }

    /// <summary>The versions the page offers to restore, newest first.</summary>
    private static List<string> RestoreVersionIds(string page) =>
        RestoreForm().Matches(page).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("/restore\"[^>]*>\\s*<input type=\"hidden\" name=\"versionId\" value=\"([^\"]+)\"")]
    private static partial Regex RestoreForm();
}

public sealed class SqliteRestoreTests(SiteHost<Sqlite> host) : RestoreTests<Sqlite>(host);

public sealed class PostgresRestoreTests(SiteHost<Postgres> host) : RestoreTests<Postgres>(host);
