using System.Net;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Accounts.Tests.Admin;

/// <summary>Administrators give people roles and grant roles permissions, and cannot lock themselves out of the admin.</summary>
public abstract class UsersAndRolesTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Administrator_GivesAWorkerTheLecturerRole_AndCannotDropTheirOwnAdministratorRole()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "users", "Administrator"))["Administrator"];
        var worker = await FormClient.CreateUserAsync(factory, "13300133007", AdminPeople.Password, "Worker");
        using var before = await FormClient.SignedInAsync(factory, "13300133007", AdminPeople.Password);
        var refused = await before.Http.GetAsync("/admin");

        var list = await admin.GetStringAsync("/admin/users?q=13300133007");
        var promoted = await admin.PostAsync($"/admin/users/{worker.UserId}", $"/admin/users/{worker.UserId}",
            [new("roleNames", "Worker"), new("roleNames", "Lecturer")]);
        using var after = await FormClient.SignedInAsync(factory, "13300133007", AdminPeople.Password);
        var allowed = await after.Http.GetAsync("/admin");
        var self = await admin.GetStringAsync("/admin/users?q=administrator.users");
        var selfId = System.Text.RegularExpressions.Regex.Match(self, "/admin/users/(\\d+)").Groups[1].Value;
        var demote = await admin.PostAsync($"/admin/users/{selfId}", $"/admin/users/{selfId}", [new("roleNames", "Worker")]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("13300133007", list);
        Assert.Contains("<td>职工</td>", list); // roles by their Chinese names, not their identifiers
        Assert.DoesNotContain(">Worker<", list);
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("不能取消自己的管理员角色", await demote.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Administrator_AddsARoleAndGrantsItAPermission_WhichThenApplies()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "newrole", "Administrator"))["Administrator"];

        var bad = await admin.PostAsync("/admin/roles", "/admin/roles", new Dictionary<string, string> { ["name"] = "工会干部", ["displayName"] = "工会干部" });
        var created = await admin.PostAsync("/admin/roles", "/admin/roles", new Dictionary<string, string> { ["name"] = "UnionOfficial", ["displayName"] = "工会干部" });
        var twice = await admin.PostAsync("/admin/roles", "/admin/roles", new Dictionary<string, string> { ["name"] = "unionofficial", ["displayName"] = "重复" });
        var granted = await admin.PostAsync("/admin/roles", "/admin/roles/UnionOfficial",
            [new("permissions", "EditOwnContent"), new("permissions", "ViewAnalytics"), new("permissions", "NoSuchPermission")]);
        await FormClient.CreateUserAsync(factory, "official.role@example.cn", AdminPeople.Password, "UnionOfficial");
        using var official = await FormClient.SignedInAsync(factory, "official.role@example.cn", AdminPeople.Password);
        var dashboard = await official.Http.GetAsync("/admin");
        var review = await official.Http.GetAsync("/admin/review");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("角色名应以英文字母开头", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("已经有名为 unionofficial 的角色", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
    }
}

public sealed class SqliteUsersAndRolesTests(SiteHost<Sqlite> host) : UsersAndRolesTests<Sqlite>(host);

public sealed class PostgresUsersAndRolesTests(SiteHost<Postgres> host) : UsersAndRolesTests<Postgres>(host);
