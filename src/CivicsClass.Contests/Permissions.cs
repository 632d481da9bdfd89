using CivicsClass.Content.Security;

namespace CivicsClass.Contests;

/// <summary>
/// What contests let editors do. Taking part needs learning's EarnPoints, since a round pays points;
/// contests themselves are content, edited with the content permissions.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ViewContestStandings = nameof(ViewContestStandings);
    public const string VoidContestRounds = nameof(VoidContestRounds);
    public const string RunLiveFinals = nameof(RunLiveFinals);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewContestStandings, "查看知识竞赛排名并导出", "竞赛"),
        new(VoidContestRounds, "作废知识竞赛答题并撤回积分", "竞赛"),
        new(RunLiveFinals, "主持知识竞赛现场决赛：开设决赛、推送题目、大屏投影", "竞赛"),
    ];
}
