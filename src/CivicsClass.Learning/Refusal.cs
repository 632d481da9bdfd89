using CivicsClass.Learning.Study;

namespace CivicsClass.Learning;

/// <summary>Why nothing was awarded, for a person and for the app: an HTTP status, a stable code and a sentence.</summary>
public sealed record Refusal(int Status, string Code, string Message)
{
    public static Refusal NotFound(string what) => new(404, "not-found", $"找不到{what}");
    public static Refusal RuleOff => new(409, "rule-disabled", "该活动目前不计积分");
    public static Refusal TooEarly(int secondsLeft) => new(422, "too-early", $"学习时间还不够，请再学 {secondsLeft} 秒后完成");
    public static Refusal NotPlayed(int played, int required) => new(422, "media-not-played", $"音视频已播放 {played} 秒，需播放满 {required} 秒");
    public static Refusal MediaSecondsInvalid => new(400, "media-seconds-invalid", $"播放秒数须是 0 到 {StudySessions.MaxReportedSeconds:0} 之间的数字");
    public static Refusal Superseded => new(409, "superseded", "你在另一个窗口打开了新的学习，本窗口的学习不再计时");
    public static Refusal AlreadyEarned => new(409, "already-earned", "这节课已经得过积分，每节课只计一次");
    public static Refusal Capped(string activity) => new(409, "daily-cap", $"今天“{activity}”的积分已达上限，明天再来");
    public static Refusal QuizAlreadyPassed => new(409, "quiz-already-passed", "已通过本课测验，积分只计一次");
    public static Refusal QuizFailed(int correct, int total, int needed, int? attemptsLeft = null) => new(422, "quiz-failed",
        $"答对 {correct}/{total} 题，需答对 {needed} 题才算通过" + attemptsLeft switch
        {
            null => "",
            0 => "。今天的答题机会已用完，明天再来",
            { } left => $"。今天还可以再答 {left} 次",
        });
    public static Refusal QuizAttemptsSpent => new(429, "quiz-attempts-spent", "今天这节课的测验机会已用完，明天再来");
    public static Refusal QuizEmpty => new(404, "no-quiz", "这节课没有测验");
    public static Refusal DailyQuizDone => new(409, "daily-quiz-done", "今天的每日答题已完成，明天再来");
    public static Refusal DailyQuizUnanswered => new(422, "daily-quiz-unanswered", "还没有回答任何题目，请至少回答一题再提交");
    public static Refusal DailyQuizChanged => new(409, "daily-quiz-changed", "题目已更新（已过零点），请重新作答");
    public static Refusal CodeForged => new(400, "code-invalid", "签到码无效，请扫描活动现场的二维码");
    public static Refusal CodeExpired => new(410, "code-expired", "签到码已过期，请扫描现场最新的二维码");
    public static Refusal OutOfWindow => new(422, "out-of-window", "不在活动签到时间内");
    public static Refusal AlreadyCheckedIn => new(409, "already-checked-in", "今天已在这里签到过");
}
