using CivicsClass.Accounts;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Editorial;
using CivicsClass.Media;

namespace CivicsClass.Web.Site;

/// <summary>The admin's navigation as far as the person's permissions reach, and their unread notifications.</summary>
internal sealed class AdminChromeSource(CurrentPermissions permissions, ISession session) : IAdminChromeSource
{
    public async Task<AdminChrome> GetAsync()
    {
        var links = new List<AdminLink> { new("/admin", "工作台"), new("/admin/content/Lesson", "课程") };
        async Task Add(string permission, string url, string label)
        {
            if (await permissions.HasAsync(permission))
            {
                links.Add(new AdminLink(url, label));
            }
        }

        await Add(ContentPermissions.EditContent, "/admin/content/Course", "系列课");
        await Add(ContentPermissions.ManageTopics, "/admin/content/Topic", "专题");
        await Add(ContentPermissions.EditContent, "/admin/content/Lecturer", "讲师");
        await Add(ContentPermissions.EditContent, "/admin/content/Venue", "场馆");
        await Add(ContentPermissions.EditContent, "/admin/content/Event", "宣讲活动");
        await Add(EditorialPermissions.PublishContent, "/admin/review", "审核队列");
        await Add(EditorialPermissions.ManageTaxonomies, "/admin/taxonomies", "分类");
        await Add(MediaPermissions.UploadMedia, "/admin/media", "媒体库");
        await Add(Learning.Permissions.ViewAnalytics, "/admin/analytics", "学习数据");
        await Add(Learning.Permissions.ManagePointsRules, "/admin/points", "积分规则");
        await Add(Learning.Permissions.CorrectPoints, "/admin/points/ledger", "积分记录");
        await Add(Contests.Permissions.ViewContestStandings, "/admin/contests", "知识竞赛");
        await Add(SitePermissions.ManageUsers, "/admin/users", "用户");
        await Add(SitePermissions.ManageSettings, "/admin/jobs", "后台任务");
        await Add(SitePermissions.ManageRoles, "/admin/roles", "角色权限");
        await Add(EditorialPermissions.ManageContentTypes, "/admin/types", "内容类型");
        await Add(EditorialPermissions.ImportExport, "/admin/recipes", "导入导出");
        if (!await permissions.HasAsync(ContentPermissions.EditContent))
        {
            links.Add(new AdminLink("/admin/content/Lecturer", "我的讲师资料"));
        }

        var unread = permissions.UserId is { } id ? await Notifications.UnreadAsync(session, id) : 0;
        return new AdminChrome(permissions.User.DisplayName(), unread, links);
    }
}
