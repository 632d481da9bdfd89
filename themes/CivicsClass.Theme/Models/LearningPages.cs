namespace CivicsClass.Theme.Models;

/// <summary>
/// The study panel on a lesson page for a signed-in worker: what completing the lesson needs and, when a session
/// on it is open and resumable, where it stands as the server counts it.
/// </summary>
/// <param name="LessonId">The lesson the panel's script opens (or resumes) a study session on, by POST, once the page has loaded.</param>
/// <param name="SessionId">The open session the page found, or null: then the panel's button starts one (without script too).</param>
/// <param name="Notice">Why the last attempt to complete did not count, said on the page it came back to.</param>
/// <param name="ListeningOptional">The media is the lesson's narration: reading counts, and listening for <paramref name="MediaSecondsRequired"/> does too.</param>
public sealed record StudyPanel(string LessonId, int MinSeconds, int? MediaSecondsRequired, bool AlreadyStudied, string? SessionId = null,
    int ElapsedSeconds = 0, int MediaSeconds = 0, string? Notice = null, bool ListeningOptional = false)
{
    /// <summary>The temp-data key under which a refused completion leaves its reason for the lesson page.</summary>
    public const string NoticeKey = "StudyNotice";

    public int SecondsLeft => Math.Max(0, MinSeconds - ElapsedSeconds);

    public int? MediaSecondsLeft => MediaSecondsRequired is { } required ? Math.Max(0, required - MediaSeconds) : null;

    /// <summary>Whether completing now would count, as the server counted when the page was made.</summary>
    public bool Counts => SessionId is not null
        && (ListeningOptional ? SecondsLeft == 0 || MediaSecondsLeft == 0 : SecondsLeft == 0 && MediaSecondsLeft is null or 0);

    /// <summary>How far along, 0–100: the time and, with media, the seconds played, whichever is further behind (ahead, for narration).</summary>
    public int Percent
    {
        get
        {
            var time = MinSeconds <= 0 ? 1.0 : Math.Min(1.0, (double)ElapsedSeconds / MinSeconds);
            var played = MediaSecondsRequired is > 0 and { } required ? Math.Min(1.0, (double)MediaSeconds / required) : 1.0;
            // Narration stands in for reading: whichever is further along counts.
            return (int)((ListeningOptional ? Math.Max(time, played) : Math.Min(time, played)) * 100);
        }
    }
}

public sealed record DayBar(string Label, string Iso, int Points);

/// <summary>One of today's tasks: what it pays, what it has paid today, its cap and, where there is one, where to do it.</summary>
public sealed record TaskCard(string Name, string? Description, int Points, int Today, int? Cap, string? Url = null)
{
    /// <summary>The points still to earn today; null when the task has no daily cap.</summary>
    public int? Left => Cap is { } cap ? Math.Max(0, cap - Today) : null;

    public bool Done => Left == 0;
}

/// <summary>A signed-in worker's day on the home page: streak, points, today's tasks, and the lessons begun but not finished.</summary>
public sealed record MyDay(string Name, int Streak, int Today, int Balance, IReadOnlyList<TaskCard> Tasks, IReadOnlyList<ContentCard> Continue);

public sealed record EntryRow(string Activity, int Points, DateTime CreatedUtc, string? Title, string? Url, string? Reason);

public sealed record CourseRow(ContentCard Course, int Studied, int Lessons, string? CertificateUrl)
{
    public int Percent => Lessons == 0 ? 0 : Studied * 100 / Lessons;
}

public sealed record CertificateRow(string Title, string Url, DateTime IssuedUtc);

public sealed record MyLearningViewModel(PageMeta Meta, string Name, int Balance, int Today, int Streak, IReadOnlyList<TaskCard> Tasks,
    IReadOnlyList<DayBar> Days, IReadOnlyList<EntryRow> Entries, IReadOnlyList<ContentCard> Studied, IReadOnlyList<CourseRow> Courses,
    IReadOnlyList<CertificateRow> Certificates, IReadOnlyList<ContentCard> Recommended) : PageViewModel(Meta)
{
    public int MaxDay => Math.Max(1, Days.Count == 0 ? 1 : Days.Max(d => d.Points));
}

public sealed record CertificateViewModel(PageMeta Meta, bool Genuine, string Code, string? Learner, string? Course, DateTime? IssuedUtc,
    string VerifyUrl, string QrSvg, bool ForContest = false) : PageViewModel(Meta);

public sealed record RankRow(int Rank, string Name, double Points, int Members, int Participants, bool Mine);

/// <param name="MeNamed">Whether I chose to be named on the people board; my place is shown to me either way.</param>
public sealed record LeaderboardViewModel(PageMeta Meta, string Board, string Period, bool PerMember, IReadOnlyList<RankRow> Entries, RankRow? Me,
    DateTime? CountedUtc = null, bool MeNamed = false) : PageViewModel(Meta);

public sealed record DailyQuestionView(string Id, int Number, string Question, IReadOnlyList<string> Options);

public sealed record DailyQuizViewModel(PageMeta Meta, IReadOnlyList<DailyQuestionView> Questions, IReadOnlyList<QuizResultView>? Results, int Awarded,
    string? Message, bool DoneToday = false) : PageViewModel(Meta);

public sealed record CheckInViewModel(PageMeta Meta, string Code, string? Place) : PageViewModel(Meta);

public sealed record CheckInCodeViewModel(PageMeta Meta, string Title, string Url, string QrSvg, DateTime ExpiresUtc, int RefreshSeconds) : PageViewModel(Meta);

public sealed record RequestRow(long Id, string Title, string Detail, int Votes, string Status, bool Voted);

public sealed record RequestsViewModel(PageMeta Meta, IReadOnlyList<RequestRow> Requests, bool CanAsk, FormErrors Errors, string? Title, string? Detail,
    string? Message) : PageViewModel(Meta);

/// <summary>The outcome of an action, in a sentence, with where to go next.</summary>
public sealed record OutcomeViewModel(PageMeta Meta, bool Success, string Heading, string Message, IReadOnlyList<(string Url, string Text)> Links,
    IReadOnlyList<ContentCard>? Next = null) : PageViewModel(Meta);
