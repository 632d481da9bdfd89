using System.Net;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Editorial.Tests.Types;

/// <summary>
/// What a type is for — who writes it, whether workers study it for points, whether they check in at
/// it — is a setting an administrator changes on the types page, and the site follows the setting.
/// </summary>
public abstract class TypeBehaviourTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task AnItemIsStudiedForPoints_OnlyWhenItsTypeIsStudied()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "studied", "Administrator", "Worker");
        var (admin, worker) = (people["Administrator"], people["Worker"]);
        await CreateTypeAsync(admin, "Reading", "读书笔记", "readings");
        var id = AdminPeople.IdFromRedirect(await admin.PostAsync("/admin/content/Reading/new", "/admin/content/Reading/new",
            new Dictionary<string, string> { ["Title"] = "读平凡的世界", ["Slug"] = "pingfan", ["Markdown"] = "孙少平在煤矿里读书。", ["command"] = "publish" }));

        var before = await worker.PostAsync("/learning", "/study/sessions", new Dictionary<string, string> { ["lesson"] = id });
        var pageBefore = await worker.GetStringAsync("/readings/pingfan");
        var set = await SetAsync(admin, "Reading", "Editors", studied: true, "None");
        var after = await worker.PostAsync("/learning", "/study/sessions", new Dictionary<string, string> { ["lesson"] = id });
        var pageAfter = await worker.GetStringAsync("/readings/pingfan");
        var types = await admin.GetStringAsync("/admin/types");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.DoesNotContain("data-study-lesson", pageBefore);
        Assert.Contains($"data-study-lesson=\"{id}\"", pageAfter); // the study panel, with the session just opened
        Assert.Contains("data-study=", pageAfter);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        Assert.Contains("/readings/pingfan", after.Headers.Location!.OriginalString);
        Assert.Contains("name=\"studied\" value=\"true\" checked=\"checked\"", Form(types, "Reading"));
        Assert.DoesNotContain("name=\"studied\" value=\"true\" checked=\"checked\"", Form(types, "Course"));
    }

    [SkippableFact]
    public async Task WhoCreatesAndEdits_FollowsTheAuthoringSetting()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "authoring", "Administrator", "Lecturer");
        var (admin, lecturer) = (people["Administrator"], people["Lecturer"]);
        await CreateTypeAsync(admin, "Notice", "通知", "notices");
        var curator = await CuratorAsync(factory, admin);
        var adminsNotice = AdminPeople.IdFromRedirect(await admin.PostAsync("/admin/content/Notice/new", "/admin/content/Notice/new",
            new Dictionary<string, string> { ["Title"] = "关于劳动竞赛的通知", ["Markdown"] = "各基层工会：", ["command"] = "save" }));

        var lecturerBefore = await lecturer.Http.GetAsync("/admin/content/Notice/new");
        var curatorBefore = await curator.Http.GetAsync($"/admin/content/edit/{adminsNotice}");
        await SetAsync(admin, "Notice", "Authors", studied: false, "None");
        var lecturerNew = await lecturer.Http.GetAsync("/admin/content/Notice/new");
        var lecturersNotice = await lecturer.PostAsync("/admin/content/Notice/new", "/admin/content/Notice/new",
            new Dictionary<string, string> { ["Title"] = "班组学习安排", ["Markdown"] = "周三下午学习。", ["command"] = "save" });
        var lecturerOnAdmins = await lecturer.Http.GetAsync($"/admin/content/edit/{adminsNotice}");
        await SetAsync(admin, "Notice", "Curators", studied: false, "None");
        var curatorNew = await curator.Http.GetAsync("/admin/content/Notice/new");
        var curatorOnAdmins = await curator.Http.GetAsync($"/admin/content/edit/{adminsNotice}");
        var curatorList = await curator.GetStringAsync("/admin/content/Notice");

        Assert.Equal(HttpStatusCode.Forbidden, lecturerBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, curatorBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lecturerNew.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, lecturersNotice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lecturerOnAdmins.StatusCode); // authors edit only what they own
        Assert.Equal(HttpStatusCode.OK, curatorNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, curatorOnAdmins.StatusCode); // curators edit every item of the type
        Assert.Contains("关于劳动竞赛的通知", curatorList);
        Assert.Contains("班组学习安排", curatorList);
    }

    [SkippableFact]
    public async Task CheckInCodes_AreShownOnlyForTypesThatTakeCheckIns()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "checkin", "Administrator"))["Administrator"];

        var venueBefore = await admin.Http.GetAsync($"/checkin/show/{AdminPeople.VenueId}");
        var turnedOff = await SetAsync(admin, "Venue", "Editors", studied: false, "None");
        var venueOff = await admin.Http.GetAsync($"/checkin/show/{AdminPeople.VenueId}");
        await SetAsync(admin, "Venue", "Editors", studied: false, "Anytime");
        var venueAgain = await admin.Http.GetAsync($"/checkin/show/{AdminPeople.VenueId}");

        Assert.Equal(HttpStatusCode.OK, venueBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, turnedOff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, venueOff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, venueAgain.StatusCode);
    }

    [SkippableFact]
    public async Task ABadSetting_IsRefusedWithTheReason_AndTheTypeKeepsWhatItHad()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "badsetting", "Administrator", "Editor");
        var admin = people["Administrator"];
        await CreateTypeAsync(admin, "Memo", "备忘", "memos");

        var timedWithoutTime = await SetAsync(admin, "Memo", "Editors", studied: true, "AroundStart");
        var unknownAuthoring = await SetAsync(admin, "Memo", "Bosses", studied: true, "None");
        var numbered = await SetAsync(admin, "Memo", "2", studied: true, "1");
        var missing = await SetAsync(admin, "Nothing", "Editors", studied: false, "None");
        var byEditor = await people["Editor"].PostAsync("/admin", "/admin/types/Memo/behaviour",
            new Dictionary<string, string> { ["authoring"] = "Authors", ["checkIn"] = "None" });
        var types = await admin.GetStringAsync("/admin/types");

        Assert.Equal(HttpStatusCode.BadRequest, timedWithoutTime.StatusCode);
        Assert.Contains("没有名为 StartsAt 的日期时间字段", await timedWithoutTime.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknownAuthoring.StatusCode);
        Assert.Contains("请选择谁来创建这类内容", await unknownAuthoring.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, numbered.StatusCode);
        Assert.Contains("请选择是否扫码签到", await numbered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Contains("name=\"authoring\" value=\"Editors\" checked=\"checked\"", Form(types, "Memo"));
        Assert.DoesNotContain("name=\"studied\" value=\"true\" checked=\"checked\"", Form(types, "Memo"));
    }

    private static async Task CreateTypeAsync(FormClient admin, string name, string displayName, string prefix)
    {
        var created = await admin.PostAsync("/admin/types", "/admin/types",
        [
            new("name", name), new("displayName", displayName), new("prefix", prefix),
            new("parts", "AutoroutePart"), new("parts", "MarkdownBodyPart"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    private static Task<HttpResponseMessage> SetAsync(FormClient admin, string type, string authoring, bool studied, string checkIn)
    {
        var fields = new Dictionary<string, string> { ["authoring"] = authoring, ["checkIn"] = checkIn };
        if (studied)
        {
            fields["studied"] = "true";
        }

        return admin.PostAsync("/admin/types", $"/admin/types/{type}/behaviour", fields);
    }

    /// <summary>A person whose role may curate topics but not edit all content.</summary>
    private static async Task<FormClient> CuratorAsync(SiteFactory factory, FormClient admin)
    {
        var role = await admin.PostAsync("/admin/roles", "/admin/roles", new Dictionary<string, string> { ["name"] = "Curator", ["displayName"] = "专题策划" });
        var granted = await admin.PostAsync("/admin/roles", "/admin/roles/Curator",
            [new("permissions", "ViewContent"), new("permissions", "EditOwnContent"), new("permissions", "ManageTopics")]);
        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        await FormClient.CreateUserAsync(factory, "curator.types@example.cn", AdminPeople.Password, "Curator");
        return await FormClient.SignedInAsync(factory, "curator.types@example.cn", AdminPeople.Password);
    }

    /// <summary>The type's purpose form on the types page.</summary>
    private static string Form(string page, string type)
    {
        var start = page.IndexOf($"action=\"/admin/types/{type}/behaviour\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no purpose form for {type}");
        return page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
    }
}

public sealed class SqliteTypeBehaviourTests(SiteHost<Sqlite> host) : TypeBehaviourTests<Sqlite>(host);

public sealed class PostgresTypeBehaviourTests(SiteHost<Postgres> host) : TypeBehaviourTests<Postgres>(host);
