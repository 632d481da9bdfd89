namespace CivicsClass.Learning.Points;

/// <summary>The activities the server knows how to check, and the settings each condition reads.</summary>
public static class Activities
{
    public const string DailyVisit = nameof(DailyVisit);
    public const string StudyText = nameof(StudyText);
    public const string StudyMedia = nameof(StudyMedia);
    public const string QuizPass = nameof(QuizPass);
    public const string DailyQuiz = nameof(DailyQuiz);
    public const string CheckIn = nameof(CheckIn);
    public const string CourseFinish = nameof(CourseFinish);
    public const string StreakBonus = nameof(StreakBonus);
    public const string ContestAnswer = nameof(ContestAnswer);

    /// <summary>Each activity with the settings its condition understands.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Settings = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [DailyVisit] = [],
        [StudyText] = ["MinSeconds", "SecondsPerMinute", "MaxSeconds"],
        [StudyMedia] = ["MinProgress", "MaxPlaybackRate", "MaxGapSeconds"],
        [QuizPass] = ["PassRatio", "DailyAttempts"],
        [DailyQuiz] = ["Questions"],
        [CheckIn] = ["CodeSeconds", "WindowMinutes"],
        [CourseFinish] = [],
        [StreakBonus] = ["Days"],
        [ContestAnswer] = [],
    };

    /// <summary>The activities that make a day count as a study day for streaks.</summary>
    public static readonly string[] Study = [StudyText, StudyMedia, QuizPass, DailyQuiz, CheckIn];
}
