using CivicsClass.Learning;

namespace CivicsClass.Contests.Live;

/// <summary>Why a live final could not open, admit someone, move on or take an answer.</summary>
internal static class LiveRefusals
{
    public static Refusal NoRoom => new(404, "live-room-not-found", "找不到这场现场决赛");
    public static Refusal NotLive => new(409, "live-not-offered", "这场竞赛没有设现场决赛，请先在竞赛内容中勾选“设现场决赛”");
    public static Refusal BadTeams => new(422, "live-bad-teams", "请选择 2 到 20 个参赛工会组织");
    public static Refusal BadSettings => new(422, "live-bad-settings", "题数应在 1 到 50 之间，每题限时应在 5 到 120 秒之间");
    public static Refusal NotATeam => new(403, "live-not-a-team", "只有参赛工会组织（含下级）的会员可以加入这场决赛；请在个人资料中选择所属工会组织");
    public static Refusal NotJoined => new(403, "live-not-joined", "请先加入这场决赛");
    public static Refusal Over => new(409, "live-finished", "这场决赛已经结束");
    public static Refusal Moved => new(409, "live-moved-on", "题目已经切换，请刷新");
    public static Refusal NotOpen => new(409, "live-not-open", "现在没有正在作答的题目");
    public static Refusal Late => new(409, "live-late", "本题作答时间已到，超时的答案不计分");
    public static Refusal AlreadyAnswered => new(409, "live-already-answered", "这道题你已经作答，答案不能更改");
    public static Refusal BadAnswer => new(400, "live-bad-answer", "题号或选项不存在");
}
