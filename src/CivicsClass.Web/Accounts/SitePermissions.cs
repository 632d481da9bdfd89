using CivicsClass.Content.Security;

namespace CivicsClass.Web.Accounts;

/// <summary>The permissions of the host's own features: people, roles, settings and learning. Modules declare their own.</summary>
public sealed class SitePermissions : IPermissionProvider
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageRoles = nameof(ManageRoles);
    public const string ManageSettings = nameof(ManageSettings);
    public const string ViewAnalytics = nameof(ViewAnalytics);
    public const string EarnPoints = nameof(EarnPoints);
    public const string RequestTopics = nameof(RequestTopics);
    public const string ManagePointsRules = nameof(ManagePointsRules);
    public const string ShowCheckInCodes = nameof(ShowCheckInCodes);
    public const string CorrectPoints = nameof(CorrectPoints);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, "管理用户", "系统"),
        new(ManageRoles, "管理角色和权限", "系统"),
        new(ManageSettings, "管理站点设置", "系统"),
        new(ViewAnalytics, "查看学习数据", "数据"),
        new(EarnPoints, "学习得积分", "学习"),
        new(RequestTopics, "点单：提出想学的专题", "学习"),
        new(ManagePointsRules, "管理积分规则", "学习"),
        new(ShowCheckInCodes, "显示活动和场馆的签到二维码", "学习"),
        new(CorrectPoints, "查看积分记录并撤销错发的积分", "学习"),
    ];
}
