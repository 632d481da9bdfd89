using CivicsClass.Learning;

namespace CivicsClass.Contests.Rounds;

/// <summary>Why a round could not start, take an answer or finish: a status, a stable code and a sentence for the person.</summary>
internal static class ContestRefusals
{
    public static Refusal NotFound => new(404, "contest-not-found", "找不到这场竞赛或这一轮答题");
    public static Refusal NotRunning => new(409, "contest-not-running", "竞赛不在进行中，请在竞赛时间内参加");
    public static Refusal NotEligible => new(403, "contest-not-eligible", "这场竞赛只限指定工会组织的会员参加；请在个人资料中选择所属工会组织");
    public static Refusal AttemptsSpent(int attempts) => new(429, "contest-attempts-spent", $"今天的 {attempts} 轮答题机会已用完，明天再来");
    public static Refusal NoQuestions => new(409, "contest-no-questions", "这场竞赛的题库还没有题目");
    public static Refusal TimeUp => new(409, "contest-time-up", "本轮答题时间已到，超时的答案不计分");
    public static Refusal Finished => new(409, "contest-round-finished", "本轮已经交卷");
    public static Refusal AlreadyAnswered => new(409, "contest-already-answered", "这道题已经作答，答案不能更改");
    public static Refusal BadAnswer => new(400, "contest-bad-answer", "题号或选项不存在");
}
