using CivicsClass.Content.Security;

namespace CivicsClass.Learning;

/// <summary>What learning lets people do: earn points, ask for topics, run check-ins, and look after the rules, the ledger and the reports.</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string EarnPoints = nameof(EarnPoints);
    public const string RequestTopics = nameof(RequestTopics);
    public const string ManagePointsRules = nameof(ManagePointsRules);
    public const string ShowCheckInCodes = nameof(ShowCheckInCodes);
    public const string CorrectPoints = nameof(CorrectPoints);
    public const string ViewAnalytics = nameof(ViewAnalytics);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewAnalytics, "查看学习数据", "数据"),
        new(EarnPoints, "学习得积分", "学习"),
        new(RequestTopics, "点单：提出想学的专题", "学习"),
        new(ManagePointsRules, "管理积分规则", "学习"),
        new(ShowCheckInCodes, "显示活动和场馆的签到二维码", "学习"),
        new(CorrectPoints, "查看积分记录并撤销错发的积分", "学习"),
    ];
}
